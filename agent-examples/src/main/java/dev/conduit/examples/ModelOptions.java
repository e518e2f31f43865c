package dev.conduit.examples;

import java.math.BigDecimal;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command shares: which model, where, with which key, and at what price. */
final class ModelOptions {
  /** The endpoint names on the command line. */
  enum EndpointName { chat, responses }

  @Option(names = "--endpoint", paramLabel = "chat|responses",
      description = "Chat Completions or Responses API (default: ${DEFAULT-VALUE})", defaultValue = "chat")
  EndpointName endpoint = EndpointName.chat;

  @Option(names = "--model", description = "Model name (default: ${DEFAULT-VALUE})", defaultValue = "gpt-5.1")
  String model = "gpt-5.1";

  @Option(names = "--base-url", paramLabel = "URL",
      description = "OpenAI-compatible base URL (default: env OPENAI_BASE_URL, else https://api.openai.com/v1)")
  Optional<String> baseUrl = Optional.empty();

  @Option(names = "--fallback-base-url", paramLabel = "URL",
      description = "Base URL tried when the first one keeps failing")
  Optional<String> fallbackBaseUrl = Optional.empty();

  @Option(names = "--api-key", paramLabel = "KEY",
      description = "API key (default: env OPENAI_API_KEY, which is safer than the command line); never printed")
  Optional<String> apiKey = Optional.empty();

  @Option(names = "--stream", description = "Print the answer as it is generated")
  boolean stream;

  @Option(names = "--max-turns", paramLabel = "N", description = "Most model calls per question (default: ${DEFAULT-VALUE})",
      defaultValue = "10")
  int maxTurns = 10;

  @Option(names = "--input-price", paramLabel = "USD", description = "Price of 1M input tokens, to show the cost")
  Optional<BigDecimal> inputPrice = Optional.empty();

  @Option(names = "--output-price", paramLabel = "USD", description = "Price of 1M output tokens")
  Optional<BigDecimal> outputPrice = Optional.empty();

  @Option(names = "--cached-input-price", paramLabel = "USD", description = "Price of 1M cached input tokens")
  Optional<BigDecimal> cachedInputPrice = Optional.empty();

  // Test-only: lets the fetch tool reach a page stand-in on loopback. Hidden from --help on purpose.
  @Option(names = "--test-only-allow-fetch-from", hidden = true, paramLabel = "HOST:PORT")
  Optional<String> testOnlyFetchAllow = Optional.empty();

  @Override
  public String toString() {
    return "ModelOptions[endpoint=" + endpoint + ", model=" + model + ", baseUrl=" + baseUrl + "]"; // never the key
  }
}
