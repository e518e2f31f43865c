package dev.conduit.agent.guice;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.conduit.agent.Agent;
import dev.conduit.agent.AgentBuilder;
import dev.conduit.agent.AgentListener;
import dev.conduit.agent.model.ModelClient;
import dev.conduit.agent.openai.Endpoint;
import dev.conduit.agent.openai.OpenAiClient;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Guice bindings for one shared {@link Agent}: the tools come from a multibinder, the model client
 * from the module ({@code client(...)} or {@code openAiFromEnvironment(System.getenv())}) or from the
 * user's own binding of {@link ModelClient}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *     ConduitModule.builder()
 *         .client(OpenAiClient.builder().apiKey(System.getenv("OPENAI_API_KEY")).build())
 *         .model("gpt-5.1")
 *         .configure(b -> b.instructions("You answer questions about the weather."))
 *         .build(),
 *     new AbstractModule() {
 *       @Override protected void configure() {
 *         ConduitModule.tools(binder()).addBinding().to(WeatherTools.class);
 *       }
 *     });
 * Agent agent = injector.getInstance(Agent.class);
 * }</pre>
 *
 * <p>The agent is an eager singleton: a tool that cannot be used fails at injector creation, with
 * Conduit's message listing every problem. Listeners bound with {@link #listeners(Binder)} receive
 * every run's events.
 */
public final class ConduitModule extends AbstractModule {
  private final Optional<ModelClient> client;
  private final String model;
  private final UnaryOperator<AgentBuilder> customizer;

  private ConduitModule(Builder b) {
    this.client = b.client;
    this.model = b.model;
    this.customizer = b.customizer;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The set of tool objects, for {@code tools(binder()).addBinding().to(MyTools.class)}. */
  public static Multibinder<Object> tools(Binder binder) {
    return Multibinder.newSetBinder(binder, Object.class, ConduitTools.class);
  }

  /** The set of listeners attached to the agent. */
  public static Multibinder<AgentListener> listeners(Binder binder) {
    return Multibinder.newSetBinder(binder, AgentListener.class, ConduitTools.class);
  }

  @Override
  protected void configure() {
    tools(binder()); // an empty set is valid
    listeners(binder());
    client.ifPresent(c -> bind(ModelClient.class).toInstance(c));
    bind(Agent.class).toProvider(AgentProvider.class).asEagerSingleton();
  }

  @Provides
  @Singleton
  AgentSpec spec() {
    return new AgentSpec(model, customizer);
  }

  /** Builds the module. */
  public static final class Builder {
    private Optional<ModelClient> client = Optional.empty();
    private String model;
    private UnaryOperator<AgentBuilder> customizer = UnaryOperator.identity();

    private Builder() {}

    /** The model client; leave it out to bind {@link ModelClient} yourself. */
    public Builder client(ModelClient client) {
      this.client = Optional.of(requireNonNull(client, "client"));
      return this;
    }

    /**
     * An {@link OpenAiClient} configured from environment variables: {@code OPENAI_API_KEY} (required),
     * {@code OPENAI_BASE_URL}, {@code OPENAI_FALLBACK_BASE_URL} and {@code CONDUIT_ENDPOINT}
     * ({@code chat} or {@code responses}, default {@code chat}). Pass {@code System.getenv()}.
     */
    public Builder openAiFromEnvironment(Map<String, String> env) {
      requireNonNull(env, "env");
      String key = env.get("OPENAI_API_KEY");
      if (key == null || key.isBlank()) {
        throw new IllegalStateException("OPENAI_API_KEY is not set: export OPENAI_API_KEY=... or bind a ModelClient yourself");
      }
      OpenAiClient.Builder client = OpenAiClient.builder().apiKey(key).endpoint(endpoint(env.get("CONDUIT_ENDPOINT")));
      Optional.ofNullable(env.get("OPENAI_BASE_URL")).filter(v -> !v.isBlank()).ifPresent(client::baseUrl);
      Optional.ofNullable(env.get("OPENAI_FALLBACK_BASE_URL")).filter(v -> !v.isBlank()).ifPresent(client::fallbackBaseUrl);
      return client(client.build());
    }

    private static Endpoint endpoint(String value) {
      if (value == null || value.isBlank() || value.equalsIgnoreCase("chat")) {
        return Endpoint.CHAT_COMPLETIONS;
      }
      if (value.equalsIgnoreCase("responses")) {
        return Endpoint.RESPONSES;
      }
      throw new IllegalStateException("CONDUIT_ENDPOINT must be chat or responses, not: " + value);
    }

    public Builder model(String model) {
      this.model = requireNonNull(model, "model");
      return this;
    }

    /** Any other agent setting: instructions, settings, pricing, limits. */
    public Builder configure(UnaryOperator<AgentBuilder> customizer) {
      this.customizer = requireNonNull(customizer, "customizer");
      return this;
    }

    public ConduitModule build() {
      if (model == null || model.isBlank()) {
        throw new IllegalStateException("ConduitModule needs a model: builder().model(\"gpt-5.1\")");
      }
      return new ConduitModule(this);
    }
  }
}
