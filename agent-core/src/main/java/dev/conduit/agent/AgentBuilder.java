package dev.conduit.agent;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.model.ModelClient;
import dev.conduit.agent.model.ModelSettings;
import dev.conduit.agent.pricing.Pricing;
import dev.conduit.agent.tool.Toolbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Builds an {@link Agent}. {@link #build()} checks everything at once and names each problem.
 *
 * <pre>{@code
 * Agent agent = Agent.builder()
 *     .client(client)
 *     .model("gpt-5.1")
 *     .instructions("You are a concise weather assistant.")
 *     .tools(new WeatherTools(), new ClockTools())
 *     .settings(ModelSettings.builder().temperature(0.2).build())
 *     .maxTurns(6)
 *     .toolTimeout(Duration.ofSeconds(10))
 *     .pricing(Pricing.of("gpt-5.1", ModelPrice.perMillion("0.265", "2.206")))
 *     .build();
 * }</pre>
 *
 * <p>Defaults: 10 turns, 30 s per tool call, 64 tool calls at once, 40 calls per tool and 150 per run,
 * 3 turns in a row of failed tool calls, no run timeout, stateless Responses requests.
 */
public final class AgentBuilder {
  ModelClient client;
  String model;
  Optional<String> instructions = Optional.empty();
  Toolbox toolbox = Toolbox.empty();
  final List<Object> toolTargets = new ArrayList<>();
  ModelSettings settings = ModelSettings.defaults();
  int maxTurns = 10;
  Duration toolTimeout = Duration.ofSeconds(30);
  int toolConcurrency = 64;
  Optional<Executor> executor = Optional.empty();
  final List<AgentListener> listeners = new ArrayList<>();
  Pricing pricing = Pricing.none();
  int maxFailedToolTurns = 3;
  int maxCallsPerTool = 40;
  int maxToolCalls = 150;
  final List<String> stopAtTools = new ArrayList<>();
  boolean serverSideState;
  boolean allowEmptyAnswer;
  Optional<Duration> runTimeout = Optional.empty();

  AgentBuilder() {}

  AgentBuilder(Agent a) {
    client = a.client;
    model = a.model;
    instructions = a.instructions;
    toolbox = a.toolbox;
    settings = a.settings;
    maxTurns = a.maxTurns;
    toolTimeout = a.toolTimeout;
    toolConcurrency = a.toolConcurrency;
    executor = a.executor;
    listeners.addAll(a.listeners);
    pricing = a.pricing;
    maxFailedToolTurns = a.maxFailedToolTurns;
    maxCallsPerTool = a.maxCallsPerTool;
    maxToolCalls = a.maxToolCalls;
    stopAtTools.addAll(a.stopAtTools);
    serverSideState = a.serverSideState;
    allowEmptyAnswer = a.allowEmptyAnswer;
    runTimeout = a.runTimeout;
  }

  /** The model provider: an {@code OpenAiClient}, a {@code ScriptedModel}, or any {@link ModelClient}. Required. */
  public AgentBuilder client(ModelClient client) {
    this.client = requireNonNull(client, "client");
    return this;
  }

  /** The model name sent with every request, e.g. {@code gpt-5.1}. Required. */
  public AgentBuilder model(String model) {
    this.model = requireNonNull(model, "model");
    return this;
  }

  /** The system prompt; left out when a run's input already starts with a system message. */
  public AgentBuilder instructions(String instructions) {
    this.instructions = Optional.of(requireNonNull(instructions, "instructions"));
    return this;
  }

  /** Adds tools: objects with {@code @Tool} methods, {@code FunctionTool}s or {@link Toolbox}es. */
  public AgentBuilder tools(Object... targets) {
    for (Object target : requireNonNull(targets, "targets")) {
      toolTargets.add(requireNonNull(target, "a tool target is null"));
    }
    return this;
  }

  public AgentBuilder settings(ModelSettings settings) {
    this.settings = requireNonNull(settings, "settings");
    return this;
  }

  /** How many model calls a run may make; at least 1. */
  public AgentBuilder maxTurns(int maxTurns) {
    this.maxTurns = maxTurns;
    return this;
  }

  /** How long one tool call may run before it is interrupted and reported to the model as timed out. */
  public AgentBuilder toolTimeout(Duration toolTimeout) {
    this.toolTimeout = requireNonNull(toolTimeout, "toolTimeout");
    return this;
  }

  /** How many tool calls may run at once, across all runs of this agent. */
  public AgentBuilder toolConcurrency(int toolConcurrency) {
    this.toolConcurrency = toolConcurrency;
    return this;
  }

  /**
   * Where a turn's tool calls go once they have kept the run's own thread busy for about 1 ms;
   * calls that finish sooner run on the run's thread. By default virtual threads on JDK 21+, a
   * bounded daemon pool on 17.
   */
  public AgentBuilder executor(Executor executor) {
    this.executor = Optional.of(requireNonNull(executor, "executor"));
    return this;
  }

  /** Receives the events of every run. */
  public AgentBuilder listener(AgentListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
    return this;
  }

  /** Prices for {@link RunResult#cost()}; without one the cost is unknown. */
  public AgentBuilder pricing(Pricing pricing) {
    this.pricing = requireNonNull(pricing, "pricing");
    return this;
  }

  /** Ends a run with {@link ModelBehaviorException} after this many turns in a row whose tool calls all failed. */
  public AgentBuilder maxFailedToolTurns(int maxFailedToolTurns) {
    this.maxFailedToolTurns = maxFailedToolTurns;
    return this;
  }

  /** Ends a run with {@link ToolCallLimitExceededException} past these many calls of one tool, or in all. */
  public AgentBuilder toolCallLimits(int perTool, int perRun) {
    this.maxCallsPerTool = perTool;
    this.maxToolCalls = perRun;
    return this;
  }

  /**
   * Tools whose successful result ends the run as its final answer, without another model call.
   * When a turn calls a stop-at tool with other tools, all of them run, every result is kept in
   * the messages, and the first successful stop-at result in call order is the answer.
   */
  public AgentBuilder stopAtTools(String... names) {
    for (String name : names) {
      stopAtTools.add(requireNonNull(name, "a stop-at tool name is null"));
    }
    return this;
  }

  /**
   * On the Responses endpoint, keep the conversation on the server: later turns send only the new
   * items with {@code previous_response_id}, and {@code store} is set. Off by default (stateless:
   * every turn resends all items, reasoning included).
   */
  public AgentBuilder serverSideState() {
    this.serverSideState = true;
    return this;
  }

  /** Accept a final turn with no text instead of failing with {@link EmptyResponseException}. */
  public AgentBuilder allowEmptyAnswer() {
    this.allowEmptyAnswer = true;
    return this;
  }

  /** A deadline for each run; past it the run is stopped with {@link RunTimeoutException}. */
  public AgentBuilder runTimeout(Duration runTimeout) {
    this.runTimeout = Optional.of(requireNonNull(runTimeout, "runTimeout"));
    return this;
  }

  /**
   * @throws IllegalStateException listing every missing or invalid setting
   * @throws dev.conduit.agent.tool.ToolDefinitionException listing every problem with the tools
   */
  public Agent build() {
    List<String> problems = new ArrayList<>();
    if (client == null) {
      problems.add("client is required: pass an OpenAiClient, a ScriptedModel or another ModelClient to client(...)");
    }
    if (model == null || model.isBlank()) {
      problems.add("model is required: name the model, e.g. model(\"gpt-5.1\")");
    }
    if (maxTurns < 1) {
      problems.add("maxTurns must be at least 1, got " + maxTurns);
    }
    if (toolTimeout.isNegative() || toolTimeout.isZero()) {
      problems.add("toolTimeout must be positive, got " + toolTimeout);
    }
    if (toolConcurrency < 1) {
      problems.add("toolConcurrency must be at least 1, got " + toolConcurrency);
    }
    if (maxFailedToolTurns < 1) {
      problems.add("maxFailedToolTurns must be at least 1, got " + maxFailedToolTurns);
    }
    if (maxCallsPerTool < 1 || maxToolCalls < 1) {
      problems.add("toolCallLimits must be at least 1, got perTool=" + maxCallsPerTool + ", perRun=" + maxToolCalls);
    }
    runTimeout.filter(t -> t.isNegative() || t.isZero())
        .ifPresent(t -> problems.add("runTimeout must be positive, got " + t));
    Toolbox all = toolTargets.isEmpty() ? toolbox : toolbox.plus(Toolbox.of(toolTargets.toArray()));
    for (String stop : stopAtTools) {
      if (!all.names().contains(stop)) {
        problems.add("stopAtTools names '" + stop + "', which is not a tool of this agent (tools: " + all.names() + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Agent cannot be built (" + problems.size() + " problem"
          + (problems.size() == 1 ? "" : "s") + "):\n- " + String.join("\n- ", problems));
    }
    return new Agent(this, all);
  }
}
