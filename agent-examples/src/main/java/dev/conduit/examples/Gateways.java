package dev.conduit.examples;

import dev.conduit.agent.model.ModelSettings;
import dev.conduit.agent.model.TokenLimitParameter;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.pricing.ModelPrice;
import java.util.Optional;
import java.util.Set;

/**
 * GPT-5.1 through OpenAI itself and through OpenAI-compatible gateways, as each one documents it. Only
 * prices a gateway publishes are filled in; the others report an unknown cost rather than a guess.
 *
 * <pre>{@code
 * Agent agent = Gateways.evolink("gpt-5.1-thinking")      // reasoning_content arrives as Reasoning
 *     .agent(System.getenv("EVOLINK_API_KEY"))
 *     .instructions("You are a concise weather assistant.")
 *     .tools(new WeatherTools())
 *     .build();
 * }</pre>
 */
public final class Gateways {
  /** The GPT-5.1 models Evolink and Starmagic document: base, conversation-tuned, and with reasoning output. */
  public static final Set<String> GPT_5_1_VARIANTS = Set.of("gpt-5.1", "gpt-5.1-chat", "gpt-5.1-thinking");

  private static final ModelSettings MAX_TOKENS =
      ModelSettings.builder().tokenLimitParameter(TokenLimitParameter.MAX_TOKENS).build();

  private Gateways() {}

  /** OpenAI: {@code https://api.openai.com/v1}, model {@code gpt-5.1}, either endpoint. */
  public static Gateway openAi(Endpoint endpoint) {
    return new Gateway("OpenAI", "https://api.openai.com/v1", Optional.empty(), endpoint, "gpt-5.1",
        ModelSettings.defaults(), Optional.empty());
  }

  /**
   * API Models: model {@code gpt-5.1-2025-11-13} on Chat Completions with {@code max_tokens}, at $0.265
   * input and $2.206 output per 1M tokens.
   *
   * @param baseUrl the OpenAI-compatible base URL from your API Models console (ending in {@code /v1})
   */
  public static Gateway apiModels(String baseUrl) {
    return new Gateway("API Models", baseUrl, Optional.empty(), Endpoint.CHAT_COMPLETIONS, "gpt-5.1-2025-11-13",
        MAX_TOKENS, Optional.of(ModelPrice.perMillion("0.265", "2.206")));
  }

  /** AIML API: {@code https://api.aimlapi.com/v1}, model {@code openai/gpt-5-1}, Chat Completions or Responses. */
  public static Gateway aimlApi(Endpoint endpoint) {
    return new Gateway("AIML API", "https://api.aimlapi.com/v1", Optional.empty(), endpoint, "openai/gpt-5-1",
        ModelSettings.defaults(), Optional.empty());
  }

  /**
   * Evolink: {@code https://direct.evolink.ai/v1} for text, {@code https://api.evolink.ai/v1} as the
   * fallback, Chat Completions with {@code max_tokens}. {@code gpt-5.1-thinking} returns {@code
   * reasoning_content}, which Conduit keeps as the turn's {@code Reasoning}.
   *
   * @param model one of {@link #GPT_5_1_VARIANTS}
   */
  public static Gateway evolink(String model) {
    return new Gateway("Evolink", "https://direct.evolink.ai/v1", Optional.of("https://api.evolink.ai/v1"),
        Endpoint.CHAT_COMPLETIONS, variant("evolink", model), MAX_TOKENS, Optional.empty());
  }

  /**
   * Starmagic: {@code https://api.starmagic.ai/v1}, Chat Completions with {@code max_tokens}; {@code
   * gpt-5.1-thinking} returns {@code reasoning_content}.
   *
   * @param model one of {@link #GPT_5_1_VARIANTS}
   */
  public static Gateway starmagic(String model) {
    return new Gateway("Starmagic", "https://api.starmagic.ai/v1", Optional.empty(), Endpoint.CHAT_COMPLETIONS,
        variant("starmagic", model), MAX_TOKENS, Optional.empty());
  }

  private static String variant(String gateway, String model) {
    if (!GPT_5_1_VARIANTS.contains(model)) {
      throw new IllegalArgumentException(gateway + " model must be gpt-5.1, gpt-5.1-chat or gpt-5.1-thinking, got: " + model);
    }
    return model;
  }
}
