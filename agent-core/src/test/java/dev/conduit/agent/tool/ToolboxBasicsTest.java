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
