package dev.conduit.agent.model;

/**
 * Which Chat Completions field carries {@link ModelSettings#maxOutputTokens()}. OpenAI's reasoning
 * models need {@code max_completion_tokens}; many gateways document {@code max_tokens}. Responses
 * always uses {@code max_output_tokens}.
 */
public enum TokenLimitParameter {
  MAX_COMPLETION_TOKENS("max_completion_tokens"),
  MAX_TOKENS("max_tokens");

  private final String wireName;

  TokenLimitParameter(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
