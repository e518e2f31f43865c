package dev.conduit.examples;

import dev.conduit.agent.Agent;
import dev.conduit.agent.AgentBuilder;
import dev.conduit.agent.model.ModelClient;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.openai.OpenAiClient;
import dev.conduit.agent.pricing.ModelPrice;
import dev.conduit.agent.pricing.Pricing;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The model a command runs on: a real OpenAI-compatible endpoint when a key is set, otherwise the
 * demo model, so a fresh checkout shows the whole loop without an account.
 */
final class ModelSetup {
  static final String DEMO_NOTICE = "demo model: set OPENAI_API_KEY (and OPENAI_BASE_URL) to use a real model";

  private final ModelClient client;
  private final String model;
  private final Pricing pricing;
  private final boolean demo;
  private final int maxTurns;

  private ModelSetup(ModelClient client, String model, Pricing pricing, boolean demo, int maxTurns) {
    this.client = client;
    this.model = model;
    this.pricing = pricing;
    this.demo = demo;
    this.maxTurns = maxTurns;
  }

  /**
   * @param demoModel the demo model to use when no key is set
   * @throws IllegalArgumentException naming the option to fix
   */
  static ModelSetup from(ModelOptions options, Map<String, String> env, Function<String, ModelClient> demoModel) {
    if (options.maxTurns < 1) {
      throw new IllegalArgumentException("--max-turns must be at least 1, got " + options.maxTurns);
    }
    if (options.model.isBlank()) {
      throw new IllegalArgumentException("--model is blank: name a model, e.g. --model gpt-5.1");
    }
    Pricing pricing = pricing(options);
    Optional<String> key = options.apiKey.or(() -> variable(env, "OPENAI_API_KEY")).filter(k -> !k.isBlank());
    if (key.isEmpty()) {
      return new ModelSetup(demoModel.apply(options.model), options.model, pricing, true, options.maxTurns);
    }
    OpenAiClient.Builder client = OpenAiClient.builder()
        .apiKey(key.get().strip())
        .endpoint(options.endpoint == ModelOptions.EndpointName.responses ? Endpoint.RESPONSES : Endpoint.CHAT_COMPLETIONS);
    options.baseUrl.or(() -> variable(env, "OPENAI_BASE_URL")).ifPresent(u -> client.baseUrl(u.strip()));
    options.fallbackBaseUrl.ifPresent(u -> client.fallbackBaseUrl(u.strip()));
    return new ModelSetup(client.build(), options.model, pricing, false, options.maxTurns);
  }

  private static Pricing pricing(ModelOptions options) {
    if (options.inputPrice.isEmpty() && options.outputPrice.isEmpty()) {
      if (options.cachedInputPrice.isPresent()) {
        throw new IllegalArgumentException("--cached-input-price needs --input-price and --output-price too");
      }
      return Pricing.none();
    }
    if (options.inputPrice.isEmpty() || options.outputPrice.isEmpty()) {
      throw new IllegalArgumentException("give both --input-price and --output-price (US dollars per 1M tokens), "
          + "e.g. --input-price 0.265 --output-price 2.206");
    }
    ModelPrice price = ModelPrice.perMillion(options.inputPrice.get(), options.outputPrice.get());
    if (options.cachedInputPrice.isPresent()) {
      BigDecimal cached = options.cachedInputPrice.get();
      price = new ModelPrice(price.inputPerMillion(), Optional.of(cached), price.outputPerMillion());
    }
    return Pricing.of(options.model, price);
  }

  private static Optional<String> variable(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** An agent builder for this model: client, model name, pricing and turn limit set. */
  AgentBuilder agent() {
    return Agent.builder().client(client).model(model).pricing(pricing).maxTurns(maxTurns);
  }

  ModelClient client() {
    return client;
  }

  String model() {
    return model;
  }

  Pricing pricing() {
    return pricing;
  }

  int maxTurns() {
    return maxTurns;
  }

  boolean demo() {
    return demo;
  }
}
