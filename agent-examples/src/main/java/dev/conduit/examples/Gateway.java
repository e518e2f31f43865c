package dev.conduit.examples;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.Agent;
import dev.conduit.agent.AgentBuilder;
import dev.conduit.agent.model.ModelSettings;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.openai.OpenAiClient;
import dev.conduit.agent.pricing.ModelPrice;
import dev.conduit.agent.pricing.Pricing;
import java.util.Optional;

/**
 * How to reach one model through one OpenAI-compatible gateway: where, which endpoint, which model
 * name, the settings it needs and its published price. See {@link Gateways} for the ones we know.
 *
 * <pre>{@code
 * Agent agent = Gateways.aimlApi(Endpoint.RESPONSES)
 *     .agent(System.getenv("AIMLAPI_KEY"))
 *     .tools(new WeatherTools())
 *     .build();
 * }</pre>
 *
 * @param name the gateway's name, for logs and messages
 * @param baseUrl the base URL, to which the endpoint's path ({@code chat/completions}, {@code responses}) is added
 * @param fallbackBaseUrl another base URL of the same gateway, tried when the first keeps failing
 * @param endpoint the API to use
 * @param model the model name the gateway expects
 * @param settings what the gateway needs in every request, e.g. {@code max_tokens} instead of {@code max_completion_tokens}
 * @param price US dollars per 1M tokens, where the gateway publishes it
 */
public record Gateway(String name, String baseUrl, Optional<String> fallbackBaseUrl, Endpoint endpoint, String model,
    ModelSettings settings, Optional<ModelPrice> price) {
  public Gateway {
    requireNonNull(name, "name");
    requireNonNull(baseUrl, "baseUrl");
    requireNonNull(fallbackBaseUrl, "fallbackBaseUrl");
    requireNonNull(endpoint, "endpoint");
    requireNonNull(model, "model");
    requireNonNull(settings, "settings");
    requireNonNull(price, "price");
  }

  /** A client for this gateway; the key is never printed. */
  public OpenAiClient client(String apiKey) {
    OpenAiClient.Builder client = OpenAiClient.builder().apiKey(apiKey).baseUrl(baseUrl).endpoint(endpoint);
    fallbackBaseUrl.ifPresent(client::fallbackBaseUrl);
    return client.build();
  }

  /** An agent builder with this gateway's client, model, settings and pricing; add instructions and tools. */
  public AgentBuilder agent(String apiKey) {
    return Agent.builder()
        .client(client(apiKey))
        .model(model)
        .settings(settings)
        .pricing(price.map(p -> Pricing.of(model, p)).orElse(Pricing.none()));
  }

  /** The same gateway at another base URL, e.g. a proxy in front of it or a stand-in in tests. */
  public Gateway withBaseUrl(String otherBaseUrl) {
    return new Gateway(name, otherBaseUrl, Optional.empty(), endpoint, model, settings, price);
  }
}
