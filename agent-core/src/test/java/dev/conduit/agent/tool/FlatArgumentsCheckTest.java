package dev.conduit.agent.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.networknt.schema.Schema;
import dev.conduit.agent.internal.Json;
import dev.conduit.agent.message.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

class FlatArgumentsCheckTest {
  // As ToolInvoker reads arguments: floats as BigDecimal.
  private static final ObjectReader ARGUMENTS = Json.MAPPER.reader()
      .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private static final List<String> FLAT_SCHEMAS = List.of(
      "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\",\"description\":\"City name\"}},"
          + "\"required\":[\"city\"],\"additionalProperties\":false}",
      "{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"integer\",\"minimum\":-128,\"maximum\":127},"
          + "\"n\":{\"type\":\"number\"},\"flag\":{\"type\":\"boolean\"},\"i\":{\"type\":\"integer\"}},"
          + "\"required\":[\"b\",\"flag\"]}",
      "{\"type\":\"object\",\"properties\":{\"unit\":{\"type\":\"string\",\"enum\":[\"CELSIUS\",\"FAHRENHEIT\"]},"
          + "\"maybe\":{\"type\":[\"string\",\"null\"],\"enum\":[\"a\",\"b\",null]},"
          + "\"limit\":{\"type\":[\"integer\",\"null\"],\"minimum\":1}},"
          + "\"required\":[\"unit\",\"maybe\",\"limit\"],\"additionalProperties\":false}",
      "{\"type\":\"object\",\"properties\":{\"anything\":{\"description\":\"no type at all\"},"
          + "\"big\":{\"type\":\"integer\",\"maximum\":10}},\"additionalProperties\":true}",
      "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}");

  private static final List<String> KEYS = List.of("city", "b", "n", "flag", "i", "unit", "maybe", "limit",
      "anything", "big", "extra");
  private static final List<String> VALUES = List.of("\"Tokyo\"", "\"\"", "\"CELSIUS\"", "\"celsius\"", "\"a\"",
      "\"c\"", "0", "1", "-1", "127", "128", "-128", "-129", "10", "11", "1.0", "3.5", "-0.0", "1e2",
      "2147483648", "9223372036854775807", "9223372036854775808", "-99999999999999999999", "true", "false",
      "null", "[]", "[1]", "{}", "{\"x\":1}");

  @Test
  void whatTheQuickCheckAcceptsNetworkntAcceptsToo() {
    List<Schema> schemas = new ArrayList<>();
    List<FlatArgumentsCheck> checks = new ArrayList<>();
    for (String text : FLAT_SCHEMAS) {
      JsonNode schema = Json.MAPPER.readTree(text);
      schemas.add(ToolInvoker.compile(schema));
      checks.add(FlatArgumentsCheck.compile(schema).orElseThrow());
    }
    Gen<List<Integer>> members = lists().of(integers().between(0, KEYS.size() * VALUES.size() - 1))
        .ofSizeBetween(0, 5);
    int[] accepted = new int[1];

    qt().withExamples(4000).forAll(integers().between(0, FLAT_SCHEMAS.size() - 1), members).checkAssert((s, picks) -> {
      JsonNode arguments = ARGUMENTS.readTree(objectOf(picks));
      boolean quick = checks.get(s).certainlyValid(arguments);
      boolean networknt = schemas.get(s).validate(arguments).isEmpty();
      if (quick) {
        accepted[0]++;
        assertThat(networknt).as("networknt accepts %s under schema %d", arguments, s).isTrue();
      }
    });
    assertThat(accepted[0]).as("arguments the quick check judged valid").isGreaterThan(100);
  }

  @Test
  void validArgumentsOfEveryScalarKindAreAcceptedQuickly() {
    FlatArgumentsCheck check = check(FLAT_SCHEMAS.get(2));

    assertThat(check.certainlyValid(json("{\"unit\":\"CELSIUS\",\"maybe\":null,\"limit\":null}"))).isTrue();
    assertThat(check.certainlyValid(json("{\"unit\":\"FAHRENHEIT\",\"maybe\":\"b\",\"limit\":1}"))).isTrue();
    assertThat(check(FLAT_SCHEMAS.get(1)).certainlyValid(json("{\"b\":-128,\"flag\":false,\"n\":2.5,\"i\":7}"))).isTrue();
    assertThat(check(FLAT_SCHEMAS.get(3)).certainlyValid(json("{\"anything\":[{}],\"other\":1}"))).isTrue();
  }

  @Test
  void violationsAndValuesItDoesNotJudgeAreLeftToNetworknt() {
    FlatArgumentsCheck weather = check(FLAT_SCHEMAS.get(0));
    FlatArgumentsCheck numbers = check(FLAT_SCHEMAS.get(1));

    assertThat(weather.certainlyValid(json("{}"))).as("required missing").isFalse();
    assertThat(weather.certainlyValid(json("{\"city\":1}"))).as("wrong type").isFalse();
    assertThat(weather.certainlyValid(json("{\"city\":\"Oslo\",\"x\":1}"))).as("additional property").isFalse();
    assertThat(weather.certainlyValid(json("[\"Oslo\"]"))).as("not an object").isFalse();
    assertThat(numbers.certainlyValid(json("{\"b\":128,\"flag\":true}"))).as("above maximum").isFalse();
    assertThat(numbers.certainlyValid(json("{\"b\":1.0,\"flag\":true}"))).as("1.0 for an integer").isFalse();
    assertThat(check(FLAT_SCHEMAS.get(2)).certainlyValid(json("{\"unit\":\"KELVIN\",\"maybe\":\"a\",\"limit\":2}")))
        .as("not in the enum").isFalse();
  }

  @Test
  void schemasWithOtherKeywordsGetNoQuickCheck() {
    for (String schema : List.of(
        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\",\"format\":\"uuid\"}}}",
        "{\"type\":\"object\",\"properties\":{\"c\":{\"type\":\"string\",\"pattern\":\"^.$\"}}}",
        "{\"type\":\"object\",\"properties\":{\"p\":{\"type\":\"object\",\"properties\":{}}}}",
        "{\"type\":\"object\",\"properties\":{\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}",
        "{\"type\":\"object\",\"properties\":{\"x\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}}}",
        "{\"type\":\"object\",\"properties\":{\"f\":{\"type\":\"number\",\"minimum\":0.5}}}",
        "{\"type\":\"object\",\"properties\":{\"e\":{\"enum\":[1,2]}}}",
        "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}",
        "{\"type\":\"object\",\"properties\":{},\"required\":[\"ghost\"]}",
        "{\"$defs\":{},\"type\":\"object\"}",
        "{\"properties\":{}}")) {
      assertThat(FlatArgumentsCheck.compile(json(schema))).as(schema).isEmpty();
    }
  }

  @Test
  void everyFlatToolSchemaOfTheFixturesGetsAQuickCheck() {
    Toolbox nonStrict = Toolbox.of(new Fixtures.NonStrictTools());
    for (String name : List.of("text", "primitives", "boxes", "bigNumbers", "enums")) {
      String schema = nonStrict.definition(name).orElseThrow().parametersJson();
      Optional<FlatArgumentsCheck> check = FlatArgumentsCheck.compile(json(schema));
      // text's char parameters carry a pattern: networknt judges those
      assertThat(check.isPresent()).as(name).isEqualTo(!name.equals("text"));
    }
  }

  @Test
  void scalarParametersBindToTheValuesSent() throws InterruptedException {
    Toolbox toolbox = Toolbox.of(new ScalarTools());
    qt().withExamples(300).forAll(integers().all(), integers().between(0, 2)).checkAssert((n, pick) -> {
      long wide = (long) n * (pick == 0 ? 1 : 3_000_000_000L);
      String text = pick == 1 ? "ü\"\\" + n : "t" + n;
      String arguments = "{\"s\":" + Json.MAPPER.writeValueAsString(text) + ",\"i\":" + n + ",\"l\":" + wide
          + ",\"b\":" + (n % 2 == 0) + ",\"boxed\":" + n + "}";
      try {
        String result = toolbox.execute(new ToolCall("c", "echo", arguments)).result().content();
        assertThat(result).isEqualTo(Json.MAPPER.writeValueAsString(new Echo(text, n, wide, n % 2 == 0, n)));
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
  }

  record Echo(String s, int i, long l, boolean b, Integer boxed) {}

  public static final class ScalarTools {
    @Tool("Echoes its arguments")
    public Echo echo(String s, int i, long l, boolean b, Integer boxed) {
      return new Echo(s, i, l, b, boxed);
    }
  }

  private static String objectOf(List<Integer> picks) {
    StringBuilder json = new StringBuilder("{");
    List<String> used = new ArrayList<>();
    for (int pick : picks) {
      String key = KEYS.get(pick / VALUES.size());
      if (used.contains(key)) {
        continue;
      }
      used.add(key);
      json.append(used.size() > 1 ? "," : "").append('"').append(key).append("\":").append(VALUES.get(pick % VALUES.size()));
    }
    return json.append('}').toString();
  }

  private static FlatArgumentsCheck check(String schema) {
    return FlatArgumentsCheck.compile(json(schema)).orElseThrow();
  }

  private static JsonNode json(String text) {
    return ARGUMENTS.readTree(text);
  }
}
