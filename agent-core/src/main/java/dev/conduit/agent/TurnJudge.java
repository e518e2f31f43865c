package dev.conduit.agent;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.FinishReason;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.model.ModelResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Decides what a model turn means for the run (RELIABILITY.md b21-b25). */
final class TurnJudge {
  private final boolean allowEmptyAnswer;

  TurnJudge(boolean allowEmptyAnswer) {
    this.allowEmptyAnswer = allowEmptyAnswer;
  }

  TurnOutcome judge(ModelResponse response, Transcript transcript) {
    AssistantMessage message = response.message();
    if (message.refusal().isPresent()) {
      throw new ModelRefusalException(message.refusal().get(), transcript.snapshot(), transcript.usage());
    }
    if (response.finishReason() == FinishReason.CONTENT_FILTER) {
      throw new ContentFilteredException(transcript.snapshot(), transcript.usage());
    }
    if (message.hasToolCalls()) {
      checkIds(message.toolCalls(), transcript);
      if (response.finishReason() == FinishReason.LENGTH) {
        return new TurnOutcome.RejectTools(message.toolCalls(),
            "Error: the arguments were cut off by the output token limit, so the tool was not run. "
                + "Call it again with shorter arguments.");
      }
      return new TurnOutcome.RunTools(message.toolCalls());
    }
    if (response.finishReason() == FinishReason.TOOL_CALLS) {
      throw new ModelBehaviorException("The model's turn ended with finish_reason tool_calls but contained no tool calls.",
          transcript.snapshot(), transcript.usage());
    }
    if (message.text().isEmpty()) {
      if (response.finishReason() == FinishReason.LENGTH) {
        throw new OutputTruncatedException(transcript.snapshot(), transcript.usage());
      }
      if (!allowEmptyAnswer) {
        throw new EmptyResponseException(transcript.snapshot(), transcript.usage());
      }
    }
    return new TurnOutcome.FinalAnswer(message.text(), response.finishReason() == FinishReason.LENGTH);
  }

  // Results are paired with calls by id: a blank or reused id would make the next request invalid.
  private static void checkIds(List<ToolCall> calls, Transcript transcript) {
    Set<String> seen = new HashSet<>();
    for (ToolCall call : calls) {
      if (call.id().isBlank()) {
        throw new ModelBehaviorException("The model sent a tool call to '" + call.name() + "' without an id.",
            transcript.snapshot(), transcript.usage());
      }
      if (!seen.add(call.id())) {
        throw new ModelBehaviorException("The model sent two tool calls with the id '" + call.id() + "'.",
            transcript.snapshot(), transcript.usage());
      }
    }
    if (!transcript.registerCallIds(calls)) {
      throw new ModelBehaviorException("The model reused a tool call id from an earlier turn.",
          transcript.snapshot(), transcript.usage());
    }
  }
}
