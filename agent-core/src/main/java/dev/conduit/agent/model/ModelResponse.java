package dev.conduit.agent.model;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.FinishReason;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.Usage;
import java.util.List;
import java.util.Optional;

/**
 * One answer of the model.
 *
 * @param message what the model said: text, tool calls, reasoning, refusal
 * @param finishReason why it stopped
 * @param usage tokens of this call
 * @param responseId the provider's response id (Responses: usable as {@code previous_response_id})
 * @param model the model that answered, as the provider names it
 * @param requestId the {@code x-request-id} header, for support tickets
 */
public record ModelResponse(
    AssistantMessage message,
    FinishReason finishReason,
    Usage usage,
    Optional<String> responseId,
    Optional<String> model,
    Optional<String> requestId) {
  public ModelResponse {
    requireNonNull(message, "message");
    requireNonNull(finishReason, "finishReason");
    requireNonNull(usage, "usage");
    requireNonNull(responseId, "responseId");
    requireNonNull(model, "model");
    requireNonNull(requestId, "requestId");
  }

  public static ModelResponse of(AssistantMessage message, FinishReason finishReason, Usage usage) {
    return new ModelResponse(message, finishReason, usage, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public List<ToolCall> toolCalls() {
    return message.toolCalls();
  }
}
