package dev.conduit.agent.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.tool.Fixtures.Direction;
import dev.conduit.agent.tool.Fixtures.Folder;
import dev.conduit.agent.tool.Fixtures.Point;
import dev.conduit.agent.tool.Fixtures.Unit;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ToolExecutionTest {
  record Weather(String city, int celsius) {}

  record NotJson(Object self) {
    @Override
    public Object self() {
      throw new IllegalStateException("no JSON for you");
    }
  }

  public static final class Tools {
    final AtomicInteger calls = new AtomicInteger();

    @Tool("Weather in a city")
    public Weather weather(@Param("City name") String city, @Param(value = "Unit", required = false) Unit unit) {
      calls.incrementAndGet();
      return new Weather(city, unit == Unit.FAHRENHEIT ? 70 : 21);
    }

    @Tool("Move in a direction")
    public String move(Direction direction, @Param("Steps, at least 1") int steps) {
      calls.incrementAndGet();
      return direction + " " + steps;
    }

    @Tool("Count folders")
    public int count(Folder folder) {
      calls.incrementAndGet();
      return 1 + folder.children().stream().mapToInt(this::count).sum();
    }

    @Tool("Price with tax")
    public BigDecimal price(BigDecimal net) {
      return net.multiply(new BigDecimal("1.2"));
    }

    @Tool("Nothing to say")
    public void reset() {
      calls.incrementAndGet();
    }

    @Tool("Always null")
    public String nothing() {
      return null;
    }

    @Tool("Note, maybe")
    public String note(Optional<String> text, @Param(required = false) Point at) {
      return text.orElse("none") + " " + at;
    }

    @Tool("Long text")
    public String essay(int length) {
      return "x".repeat(length);
    }

    @Tool("Unserialisable result")
    public NotJson broken() {
      return new NotJson("x");
    }

    @Tool("Fails for the model")
    public String refuse(String reason) {
      throw new ToolException("No order " + reason + ". Ask the user for the order number.");
    }

    @Tool("Fails with a bug")
    public String crash() {
      throw new IllegalStateException("password=hunter2 at db.internal:5432");
    }

    @Tool("Fails with a checked exception")
    public String io() throws IOException {
      throw new IOException("/secret/path not found");
    }

    @Tool("Interrupted")
    public String sleep() throws InterruptedException {
      throw new InterruptedException("stop");
    }

    @Tool("Out of memory")
    public String oom() {
      throw new OutOfMemoryError("simulated");
    }

    @Tool("A static tool")
    public static String twice(String text) {
      return text + text;
    }
  }

  private final Tools tools = new Tools();
  private final Toolbox toolbox = Toolbox.of(tools);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private ToolExecution run(String name, String arguments) throws InterruptedException {
    return toolbox.execute(new ToolCall("call_1", name, arguments));
  }

  private String text(String name, String arguments) throws InterruptedException {
    return run(name, arguments).result().content();
  }

  @Test
  void validCallReturnsTheResultAsJson() throws InterruptedException {
    ToolExecution execution = run("weather", "{\"city\": \"Tokyo\", \"unit\": \"FAHRENHEIT\"}");

    assertThat(execution.result().content()).isEqualTo("{\"city\":\"Tokyo\",\"celsius\":70}");
    assertThat(execution.result().isError()).isFalse();
    assertThat(execution.result().toolCallId()).isEqualTo("call_1");
    assertThat(execution.result().toolName()).isEqualTo("weather");
    assertThat(execution.failure()).isEmpty();
  }

  @Test
  void optionalParametersMayBeLeftOutOrNull() throws InterruptedException {
    assertThat(text("weather", "{\"city\": \"Oslo\"}")).isEqualTo("{\"city\":\"Oslo\",\"celsius\":21}");
    assertThat(text("weather", "{\"city\": \"Oslo\", \"unit\": null}")).isEqualTo("{\"city\":\"Oslo\",\"celsius\":21}");
    assertThat(text("note", "{}")).isEqualTo("none null");
    assertThat(text("note", "{\"text\": \"hi\", \"at\": {\"lat\": 1.5, \"lon\": 2}}")).isEqualTo("hi Point[lat=1.5, lon=2.0]");
  }

  @Test
  void stringResultIsSentAsIs() throws InterruptedException {
    assertThat(text("move", "{\"direction\": \"north\", \"steps\": 3}")).isEqualTo("NORTH 3");
    assertThat(text("twice", "{\"text\": \"ab\"}")).isEqualTo("abab");
  }

  @Test
  void voidResultIsConfirmed() throws InterruptedException {
    assertThat(text("reset", "{}")).isEqualTo("Done.");
  }

  @Test
  void nullResultIsTheWordNull() throws InterruptedException {
    assertThat(text("nothing", "{}")).isEqualTo("null");
  }

  @Test
  void decimalsKeepEveryDigit() throws InterruptedException {
    assertThat(text("price", "{\"net\": 12345678901234567890.10}")).isEqualTo("14814814681481481468.120");
  }

  @Test
  void recursiveArgumentsAreBound() throws InterruptedException {
    String folder = "{\"folder\": {\"name\": \"a\", \"children\": [{\"name\": \"b\", \"children\": []}, "
        + "{\"name\": \"c\", \"children\": [{\"name\": \"d\", \"children\": []}]}]}}";

    assertThat(text("count", folder)).isEqualTo("4");
  }

  @Test
  void emptyArgumentsMeanNoArgumentsWhenNoneIsRequired() throws InterruptedException {
    assertThat(text("reset", "")).isEqualTo("Done.");
    assertThat(text("note", "  ")).isEqualTo("none null");
  }

  @Test
  void emptyArgumentsAreASchemaErrorWhenSomeAreRequired() throws InterruptedException {
    assertThat(text("weather", "")).isEqualTo(
        "Error: arguments for 'weather' do not match its schema: $: required property 'city' not found."
            + " Call again with corrected arguments.");
    assertThat(tools.calls).hasValue(0);
  }

  @Test
  void unknownToolNamesTheAvailableOnes() throws InterruptedException {
    ToolExecution execution = Toolbox.of(new Fixtures.StrictTools()).execute(new ToolCall("c", "forecast", "{}"));

    assertThat(execution.result().content()).isEqualTo("Error: no tool named 'forecast'. Available tools: bigNumbers, boxes,"
        + " collections, enums, identifiers, maps, nested, optionals, pojo, primitives, record, recursive, text, times.");
    assertThat(execution.result().isError()).isTrue();
    assertThat(execution.failure()).isEmpty();
  }

  @Test
  void unknownToolInAnEmptyToolbox() throws InterruptedException {
    assertThat(Toolbox.empty().execute(new ToolCall("c", "x", "{}")).result().content())
        .isEqualTo("Error: no tool named 'x'. Available tools: none.");
  }

  @Test
  void argumentsThatAreNotJsonAreReportedWithTheParserMessageAndPosition() throws InterruptedException {
    ToolExecution execution = run("weather", "{\"city\": \"Tokyo\",}");

    assertThat(execution.result().content()).isEqualTo("Error: arguments for 'weather' are not valid JSON"
        + " (Unexpected character ('}' (code 125)): was expecting double-quote to start property name, at line 1, column 18)."
        + " Call again with a JSON object.");
    assertThat(execution.result().isError()).isTrue();
    assertThat(tools.calls).hasValue(0);
  }

  @Test
  void truncatedJsonIsNotValidJson() throws InterruptedException {
    assertThat(text("weather", "{\"city\": \"Tok")).isEqualTo("Error: arguments for 'weather' are not valid JSON"
        + " (Unexpected end-of-input: was expecting closing quote for a string value, at line 1, column 14). Call again with a JSON object.");
    assertThat(tools.calls).hasValue(0);
  }

  @Test
  void trailingTextAfterTheObjectIsNotValidJson() throws InterruptedException {
    assertThat(text("weather", "{\"city\": \"Tokyo\"} {\"city\": \"Paris\"}")).isEqualTo(
        "Error: arguments for 'weather' are not valid JSON (Trailing token (`JsonToken.START_OBJECT`) found after value"
            + " (bound as `tools.jackson.databind.JsonNode`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`,"
            + " at line 1, column 19). Call again with a JSON object.");
  }

  @Test
  void repeatedKeysAreNotValidJson() throws InterruptedException {
    assertThat(text("weather", "{\"city\": \"Tokyo\", \"city\": \"Paris\"}")).isEqualTo(
        "Error: arguments for 'weather' are not valid JSON (Duplicate Object property \"city\", at line 1, column 25)."
            + " Call again with a JSON object.");
  }

  @Test
  void everySchemaViolationIsListedWithItsPath() throws InterruptedException {
    ToolExecution execution = run("move", "{\"direction\": \"up\", \"steps\": \"three\", \"speed\": 2}");

    assertThat(execution.result().content()).isEqualTo("Error: arguments for 'move' do not match its schema:"
        + " $.direction: does not have a value in the enumeration [\"north\", \"south\"];"
        + " $.steps: string found, integer expected;"
        + " $: property 'speed' is not defined in the schema and the schema does not allow additional properties."
        + " Call again with corrected arguments.");
    assertThat(execution.result().isError()).isTrue();
    assertThat(execution.failure()).isEmpty();
    assertThat(tools.calls).hasValue(0);
  }

  @Test
  void nestedViolationsNameTheirPath() throws InterruptedException {
    assertThat(text("count", "{\"folder\": {\"name\": \"a\", \"children\": [{\"name\": 7}]}}")).isEqualTo(
        "Error: arguments for 'count' do not match its schema: $.folder.children[0].name: integer found, string expected;"
            + " $.folder.children[0]: required property 'children' not found. Call again with corrected arguments.");
  }

  @Test
  void argumentsThatAreNotAnObjectDoNotMatch() throws InterruptedException {
    assertThat(text("weather", "[\"Tokyo\"]")).isEqualTo(
        "Error: arguments for 'weather' do not match its schema: $: array found, object expected."
            + " Call again with corrected arguments.");
  }

  @Test
  void valuesTheSchemaAllowsButJavaCannotHoldAreReportedLikeSchemaViolations() throws InterruptedException {
    assertThat(text("move", "{\"direction\": \"north\", \"steps\": 3000000000}")).isEqualTo(
        "Error: arguments for 'move' do not match its schema: $.steps: Numeric value (3000000000) out of range of `int`"
            + " (-2147483648 - 2147483647). Call again with corrected arguments.");
    assertThat(tools.calls).hasValue(0);
  }

  @Test
  void toolExceptionMessageGoesToTheModel() throws InterruptedException {
    ToolExecution execution = run("refuse", "{\"reason\": \"A-1\"}");

    assertThat(execution.result().content()).isEqualTo("Error: No order A-1. Ask the user for the order number.");
    assertThat(execution.result().isError()).isTrue();
    assertThat(execution.failure()).containsInstanceOf(ToolException.class);
  }

  @Test
  void otherExceptionsAreReportedByTypeOnly() throws InterruptedException {
    ToolExecution execution = run("crash", "{}");

    assertThat(execution.result().content()).isEqualTo("Error: tool 'crash' failed (IllegalStateException).");
    assertThat(execution.result().isError()).isTrue();
    assertThat(execution.failure().orElseThrow()).isInstanceOf(IllegalStateException.class)
        .hasMessage("password=hunter2 at db.internal:5432");
  }

  @Test
  void checkedExceptionsAreReportedByTypeOnly() throws InterruptedException {
    ToolExecution execution = run("io", "{}");

    assertThat(execution.result().content()).isEqualTo("Error: tool 'io' failed (IOException).");
    assertThat(execution.failure().orElseThrow()).isInstanceOf(IOException.class);
  }

  @Test
  void interruptedExceptionEscapesWithTheFlagSet() {
    assertThatThrownBy(() -> run("sleep", "{}")).isInstanceOf(InterruptedException.class).hasMessage("stop");
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void interruptedThreadRunsNoTool() {
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> run("reset", "{}")).isInstanceOf(InterruptedException.class)
        .hasMessage("Interrupted while running tool 'reset'");
    assertThat(tools.calls).hasValue(0);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void errorsAreRethrownAsTheyAre() {
    assertThatThrownBy(() -> run("oom", "{}")).isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
  }

  @Test
  void longResultsAreCutWithAMarker() throws InterruptedException {
    String text = text("essay", "{\"length\": 16010}");

    assertThat(text).hasSize(16_000 + "\n[truncated: 10 more characters]".length())
        .startsWith("xxxx").endsWith("x\n[truncated: 10 more characters]");
    assertThat(text("essay", "{\"length\": 16000}")).hasSize(16_000);
  }

  @Test
  void resultThatCannotBeJsonIsAnError() throws InterruptedException {
    ToolExecution execution = run("broken", "{}");

    assertThat(execution.result().content()).isEqualTo(
        "Error: tool 'broken' ran, but its result could not be converted to JSON (DatabindException).");
    assertThat(execution.result().isError()).isTrue();
    assertThat(execution.failure()).isPresent();
  }

  @Test
  void functionToolBindsItsRecordAndRuns() throws InterruptedException {
    record OrderQuery(String orderId, Optional<Integer> line) {}
    List<OrderQuery> seen = new ArrayList<>();
    Toolbox box = Toolbox.of(FunctionTool.of("lookup", "Look up an order", OrderQuery.class, q -> {
      seen.add(q);
      return new Weather(q.orderId(), q.line().orElse(0));
    }));

    assertThat(box.execute(new ToolCall("c", "lookup", "{\"orderId\": \"A-1\", \"line\": 2}")).result().content())
        .isEqualTo("{\"city\":\"A-1\",\"celsius\":2}");
    assertThat(box.execute(new ToolCall("c", "lookup", "{\"orderId\": 5}")).result().content()).isEqualTo(
        "Error: arguments for 'lookup' do not match its schema: $.orderId: integer found, string expected."
            + " Call again with corrected arguments.");
    assertThat(seen).containsExactly(new OrderQuery("A-1", Optional.of(2)));
  }

  @Test
  void functionToolExceptionsAreHandledLikeMethods() throws InterruptedException {
    record Query(String q) {}
    Toolbox box = Toolbox.of(
        FunctionTool.of("fail", "Fails", Query.class, q -> {
          throw new ToolException("Try a shorter query.");
        }),
        FunctionTool.of("crash", "Crashes", Query.class, q -> {
          throw new IllegalArgumentException("secret");
        }));

    assertThat(box.execute(new ToolCall("c", "fail", "{\"q\": \"x\"}")).result().content()).isEqualTo("Error: Try a shorter query.");
    assertThat(box.execute(new ToolCall("c", "crash", "{\"q\": \"x\"}")).result().content())
        .isEqualTo("Error: tool 'crash' failed (IllegalArgumentException).");
  }

  @Test
  void oneToolboxServesManyThreadsAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        results.add(pool.submit(() -> text("move", "{\"direction\": \"south\", \"steps\": " + n + "}")));
      }
      for (int i = 0; i < 200; i++) {
        assertThat(results.get(i).get()).isEqualTo("SOUTH " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
