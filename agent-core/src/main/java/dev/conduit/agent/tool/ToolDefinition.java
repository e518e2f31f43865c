package dev.conduit.agent.tool;

import static java.util.Objects.requireNonNull;

/**
 * A tool as the model sees it: name, description and the JSON Schema of its arguments.
 *
 * @param name the tool's name, {@code ^[a-zA-Z0-9_-]{1,64}$}
 * @param description what it does
 * @param parametersJson the JSON Schema (an object schema) of the arguments, as compact JSON text
 * @param strict whether the schema meets OpenAI's strict-mode rules and is sent with {@code strict: true}
 */
public record ToolDefinition(String name, String description, String parametersJson, boolean strict) {
  public ToolDefinition {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(parametersJson, "parametersJson");
  }
}
