package dev.conduit.agent.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.message.ToolCall;
import org.junit.jupiter.api.Test;

class ToolboxBasicsTest {
  public static class Calculator {
    @Tool("Add two integers")
    public int add(@Param("First number") int a, @Param("Second number") int b) {
      return a + b;
    }

    @Tool("Greet someone")
    public String greet(@Param("Their name") String name) {
      return "Hello, " + name + "!";
    }
  }

  /** A tool with state, so that a toolbox calling the wrong instance would show. */
  public static class Counter {
    private final String label;
    private int count;

    public Counter(String label) {
      this.label = label;
    }

    @Tool("Count one more")
    public String increment(@Param("How many") int by) {
      count += by;
      return label + "=" + count;
    }
  }

  @Test
  void toolboxesOfTwoInstancesOfOneClassEachCallTheirOwnInstance() throws InterruptedException {
    Counter first = new Counter("first");
    Counter second = new Counter("second");
    Toolbox a = Toolbox.of(first);
    Toolbox b = Toolbox.of(second); // the class's schemas are reused from the first toolbox

    assertThat(a.execute(new ToolCall("1", "increment", "{\"by\": 2}")).result().content()).isEqualTo("first=2");
    assertThat(b.execute(new ToolCall("2", "increment", "{\"by\": 5}")).result().content()).isEqualTo("second=5");
    assertThat(a.execute(new ToolCall("3", "increment", "{\"by\": 1}")).result().content()).isEqualTo("first=3");
    assertThat(b.definitions()).isEqualTo(a.definitions());
    assertThat(b.execute(new ToolCall("4", "increment", "{\"by\": \"x\"}")).result().content())
        .startsWith("Error: arguments for 'increment' do not match its schema: $.by: string found, integer expected");
  }

  @Test
  void toolWithPrimitiveParametersIsDefinedAndCalled() throws InterruptedException {
    Toolbox tools = Toolbox.of(new Calculator());

    assertThat(tools.names()).containsExactly("add", "greet");
    assertThat(tools.definition("add").orElseThrow().parametersJson()).isEqualTo(
        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\",\"description\":\"First number\"},"
            + "\"b\":{\"type\":\"integer\",\"description\":\"Second number\"}},\"required\":[\"a\",\"b\"],\"additionalProperties\":false}");
    assertThat(tools.execute(new ToolCall("c1", "add", "{\"a\": 2, \"b\": 3}")).result().content()).isEqualTo("5");
    assertThat(tools.execute(new ToolCall("c2", "greet", "{\"name\": \"Ada\"}")).result().content()).isEqualTo("Hello, Ada!");
    assertThat(tools.execute(new ToolCall("c3", "add", "{\"a\": \"two\"}")).result().content()).isEqualTo(
        "Error: arguments for 'add' do not match its schema: $.a: string found, integer expected; "
            + "$: required property 'b' not found. Call again with corrected arguments.");
  }
}
