package dev.conduit.agent.message;

import static java.util.Objects.requireNonNull;

/**
 * A function call the model asked for.
 *
 * @param id the call id the result must echo ({@code tool_call_id} on Chat, {@code call_id} on Responses)
 * @param name the tool's name
 * @param argumentsJson the arguments exactly as the model sent them; not necessarily valid JSON
 */
public record ToolCall(String id, String name, String argumentsJson) {
  public ToolCall {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(argumentsJson, "argumentsJson");
  }
}
