package dev.conduit.agent.model;

import static java.util.Objects.requireNonNull;

/**
 * Whether and which tools the model must call: {@code auto}, {@code none}, {@code required}, or one named tool.
 *
 * <pre>{@code
 * ModelSettings.builder().toolChoice(ToolChoice.tool("currentWeather")).build();
 * }</pre>
 */
public sealed interface ToolChoice {
  static ToolChoice auto() {
    return Mode.AUTO;
  }

  static ToolChoice none() {
    return Mode.NONE;
  }

  static ToolChoice required() {
    return Mode.REQUIRED;
  }

  static ToolChoice tool(String name) {
    return new Named(name);
  }

  enum Mode implements ToolChoice {
    AUTO("auto"),
    NONE("none"),
    REQUIRED("required");

    private final String wireValue;

    Mode(String wireValue) {
      this.wireValue = wireValue;
    }

    public String wireValue() {
      return wireValue;
    }
  }

  record Named(String name) implements ToolChoice {
    public Named {
      requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("tool choice needs a tool name");
      }
    }
  }
}
