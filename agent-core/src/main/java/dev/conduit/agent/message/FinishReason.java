package dev.conduit.agent.message;

/** Why the model stopped producing output in one turn, mapped from either endpoint. */
public enum FinishReason {
  /** A natural end: the answer is complete. */
  STOP,
  /** The model wants tools run. */
  TOOL_CALLS,
  /** The output hit the token limit ({@code length}, or Responses {@code max_output_tokens}). */
  LENGTH,
  /** The provider's content filter cut the output. */
  CONTENT_FILTER,
  /** Anything else a gateway sends. */
  OTHER
}
