package dev.conduit.agent.message;

/**
 * Tokens a model call used. Cached and reasoning tokens are parts of input and output, not extra.
 *
 * @param inputTokens all prompt tokens, cached ones included
 * @param outputTokens all completion tokens, reasoning ones included
 * @param cachedInputTokens prompt tokens served from the provider's cache
 * @param reasoningTokens completion tokens spent on hidden reasoning
 */
public record Usage(long inputTokens, long outputTokens, long cachedInputTokens, long reasoningTokens) {
  public static final Usage ZERO = new Usage(0, 0, 0, 0);

  public Usage {
    if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0 || reasoningTokens < 0) {
      throw new IllegalArgumentException("token counts cannot be negative");
    }
  }

  public long totalTokens() {
    return inputTokens + outputTokens;
  }

  public Usage plus(Usage other) {
    return new Usage(
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        cachedInputTokens + other.cachedInputTokens,
        reasoningTokens + other.reasoningTokens);
  }
}
