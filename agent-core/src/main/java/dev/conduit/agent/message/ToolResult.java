package dev.conduit.agent.message;

import static java.util.Objects.requireNonNull;

/**
 * The answer to one {@link ToolCall}: a {@code tool} message on Chat Completions, a
 * {@code function_call_output} item on Responses.
 *
 * <p>An error result still goes back to the model, whose next turn can correct the call; {@link
 * #isError()} keeps the failure visible to the caller and to traces.
 *
 * @param toolCallId the id of the call this answers
 * @param toolName the name of the tool that was called
 * @param content the text the model sees
 * @param isError whether the call failed
 */
public record ToolResult(String toolCallId, String toolName, String content, boolean isError) implements Message {
  public ToolResult {
    requireNonNull(toolCallId, "toolCallId");
    requireNonNull(toolName, "toolName");
    requireNonNull(content, "content");
  }

  public static ToolResult success(ToolCall call, String content) {
    return new ToolResult(call.id(), call.name(), content, false);
  }

  public static ToolResult error(ToolCall call, String message) {
    return new ToolResult(call.id(), call.name(), message, true);
  }
}
