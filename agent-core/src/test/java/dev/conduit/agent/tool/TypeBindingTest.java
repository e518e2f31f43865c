package dev.conduit.agent.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.message.ToolCall;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Arguments of every supported type pass the schema and reach the method as the Java values they stand for. */
class TypeBindingTest {
  private static final Toolbox STRICT = Toolbox.of(new Fixtures.StrictTools());
  private static final Toolbox NON_STRICT = Toolbox.of(new Fixtures.NonStrictTools());

  static Stream<Arguments> calls() {
    return Stream.of(
        Arguments.of("text", "{\"text\": \"ab\", \"letter\": \"c\", \"initial\": \"D\"}", "abcD"),
        Arguments.of("primitives", "{\"b\": -128, \"s\": 32767, \"i\": 3, \"l\": 9007199254740993, \"f\": 1.5, \"d\": 2.25, \"flag\": true}",
            "-12832767390071992547409931.52.25true"),
        Arguments.of("boxes", "{\"b\": 1, \"s\": 2, \"i\": 3, \"l\": 4, \"f\": 5, \"d\": 6, \"flag\": false}", "12345.06.0false"),
        Arguments.of("bigNumbers", "{\"amount\": 0.10, \"count\": 123456789012345678901234567890}",
            "0.10 123456789012345678901234567890"),
        Arguments.of("enums", "{\"unit\": \"CELSIUS\", \"direction\": \"south\"}", "CELSIUS SOUTH"),
        Arguments.of("record", "{\"point\": {\"lat\": 35.7, \"lon\": 139.7}}", "{\"lat\":35.7,\"lon\":139.7}"),
        Arguments.of("pojo", "{\"address\": {\"street\": \"1 Main St\", \"city\": \"Springfield\"}}", "1 Main St, Springfield"),
        Arguments.of("nested", "{\"order\": {\"customer\": {\"name\": \"Ada\", \"address\": {\"street\": \"s\", \"city\": \"c\"}},"
            + " \"lines\": [{\"sku\": \"X\", \"quantity\": 2, \"price\": 9.99}], \"note\": null}}",
            "{\"customer\":{\"name\":\"Ada\",\"address\":{\"city\":\"c\",\"street\":\"s\"}},"
                + "\"lines\":[{\"sku\":\"X\",\"quantity\":2,\"price\":9.99}],\"note\":null}"),
        Arguments.of("recursive", "{\"folder\": {\"name\": \"a\", \"children\": [{\"name\": \"b\", \"children\": []}]}}", "1"),
        Arguments.of("collections", "{\"tags\": [\"x\"], \"ids\": [1, 1, 2], \"names\": [\"n\"], \"scores\": [1, 2, 3],"
            + " \"route\": [{\"lat\": 1, \"lon\": 2}]}", "[x] [1, 2] [n] 3 [Point[lat=1.0, lon=2.0]]"),
        Arguments.of("maps", "{\"counts\": {\"a\": 1}, \"places\": {\"home\": {\"lat\": 1, \"lon\": 2}}}",
            "{a=1} {home=Point[lat=1.0, lon=2.0]}"),
        Arguments.of("optionals", "{\"note\": \"n\", \"at\": null, \"limit\": 5}", "Optional[n] Optional.empty 5"),
        Arguments.of("times", "{\"day\": \"2026-03-01\", \"local\": \"2026-03-01T10:15\", \"at\": \"2026-03-01T10:15:30+09:00\","
            + " \"instant\": \"2026-03-01T01:15:30Z\", \"length\": \"PT1H30M\"}",
            "2026-03-01 2026-03-01T10:15 2026-03-01T10:15:30+09:00 2026-03-01T01:15:30Z PT1H30M"),
        Arguments.of("identifiers", "{\"id\": \"123e4567-e89b-12d3-a456-426614174000\", \"link\": \"https://example.com/a?b=c\"}",
            "123e4567-e89b-12d3-a456-426614174000 https://example.com/a?b=c"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void strictToolReceivesTheValues(String tool, String arguments, String expected) throws InterruptedException {
    ToolExecution execution = STRICT.execute(new ToolCall("c", tool, arguments));

    assertThat(execution.result().content()).isEqualTo(expected);
    assertThat(execution.result().isError()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void nonStrictToolReceivesTheValues(String tool, String arguments, String expected) throws InterruptedException {
    assertThat(NON_STRICT.execute(new ToolCall("c", tool, arguments)).result().content()).isEqualTo(expected);
  }

  @Test
  void valuesOutsideTheirFormatAreRefusedBeforeTheCall() throws InterruptedException {
    String arguments = "{\"day\": \"2026-02-30\", \"local\": \"10:15\", \"at\": \"yesterday\", \"instant\": \"2026-03-01\","
        + " \"length\": \"90 minutes\"}";

    assertThat(STRICT.execute(new ToolCall("c", "times", arguments)).result().content()).isEqualTo(
        "Error: arguments for 'times' do not match its schema:"
            + " $.day: does not match the date pattern must be a valid RFC 3339 full-date;"
            + " $.local: does not match the regex pattern ^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$;"
            + " $.at: does not match the date-time pattern must be a valid RFC 3339 date-time;"
            + " $.instant: does not match the date-time pattern must be a valid RFC 3339 date-time;"
            + " $.length: does not match the duration pattern must be a valid ISO 8601 duration."
            + " Call again with corrected arguments.");
  }

  @Test
  void oneLetterMeansOneCharacter() throws InterruptedException {
    assertThat(STRICT.execute(new ToolCall("c", "text", "{\"text\": \"\", \"letter\": \"cd\", \"initial\": \"\"}"))
        .result().content()).isEqualTo("Error: arguments for 'text' do not match its schema:"
        + " $.letter: does not match the regex pattern ^[\\s\\S]$; $.initial: does not match the regex pattern ^[\\s\\S]$."
        + " Call again with corrected arguments.");
  }

  @Test
  void functionObjectCheckCatchesABrokenDefinition() {
    var function = Json.MAPPER.createObjectNode().put("name", 42).put("strict", "yes");

    assertThat(OpenAiSpec.functionObjectViolations(function)).isNotEmpty();
  }
}
