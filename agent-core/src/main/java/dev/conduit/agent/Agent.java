package dev.conduit.agent;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.internal.JsonSchemas;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.message.Usage;
import dev.conduit.agent.message.UserMessage;
import dev.conduit.agent.model.ModelClient;
import dev.conduit.agent.model.ModelSettings;
import dev.conduit.agent.model.ResponseFormat;
import dev.conduit.agent.pricing.Pricing;
import dev.conduit.agent.tool.Toolbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An agent: a model, instructions and tools, run as a loop that calls the model, runs every tool call
 * it returns in parallel, feeds the results back and stops on the final answer.
 *
 * <pre>{@code
 * Agent agent = Agent.builder()
 *     .client(OpenAiClient.builder().apiKey(System.getenv("OPENAI_API_KEY")).build())
 *     .model("gpt-5.1")
 *     .instructions("You are a concise weather assistant.")
 *     .tools(new WeatherTools())
 *     .build();
 *
 * RunResult result = agent.run("What's the weather in Tokyo and Paris?");
 * WeatherReport report = agent.run("Weather in Oslo?", WeatherReport.class).output();
 * agent.runStreaming("And in Rome?", event -> { ... });
 * CompletableFuture<RunResult> pending = agent.runAsync("And in Lima?");   // cancel() stops it
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one per configuration and share it; any number of runs may go
 * on at once, each with its own state. {@link #toBuilder()} derives a variant that shares the client
 * and tools. Nothing needs closing.
 *
 * <p>A run ends with a {@link RunResult} or one of the {@link AgentException}s, each carrying the
 * conversation so far. The model's own mistakes (unknown tools, bad arguments, failing or slow
 * tools) go back to the model as error results and do not end the run.
 */
public final class Agent {
  private static final int MAX_INPUT_CHARS = 1_000_000;

  private final ModelClient client;
  private final String model;
  private final Optional<String> instructions;
  private final Toolbox toolbox;
  private final ModelSettings settings;
  private final int maxTurns;
  private final Duration toolTimeout;
  private final int toolConcurrency;
  private final Optional<Executor> executor;
  private final List<AgentListener> listeners;
  private final Pricing pricing;
  private final int maxFailedToolTurns;
  private final int maxCallsPerTool;
  private final int maxToolCalls;
  private final Set<String> stopAtTools;
  private final boolean serverSideState;
  private final boolean allowEmptyAnswer;
  private final Optional<Duration> runTimeout;
  private final ToolDispatcher dispatcher;

  private Agent(Builder b, Toolbox toolbox) {
    this.client = b.client;
    this.model = b.model;
    this.instructions = b.instructions;
    this.toolbox = toolbox;
    this.settings = b.serverSideState && b.settings.store().isEmpty() ? b.settings.toBuilder().store(true).build() : b.settings;
    this.maxTurns = b.maxTurns;
    this.toolTimeout = b.toolTimeout;
    this.toolConcurrency = b.toolConcurrency;
    this.executor = b.executor;
    this.listeners = List.copyOf(b.listeners);
    this.pricing = b.pricing;
    this.maxFailedToolTurns = b.maxFailedToolTurns;
    this.maxCallsPerTool = b.maxCallsPerTool;
    this.maxToolCalls = b.maxToolCalls;
    this.stopAtTools = Set.copyOf(b.stopAtTools);
    this.serverSideState = b.serverSideState;
    this.allowEmptyAnswer = b.allowEmptyAnswer;
    this.runTimeout = b.runTimeout;
    this.dispatcher = new ToolDispatcher(toolbox, executor.orElseGet(Threads::tools), toolTimeout, toolConcurrency);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this agent's configuration; it shares the client and the tools. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Runs the agent on one user message. */
  public RunResult run(String input) {
    return run(List.of(userMessage(input)));
  }

  /** Runs the agent on a conversation, e.g. an earlier result's {@code messages()} plus a new user message. */
  public RunResult run(List<Message> input) {
    return execute(input, settings, Optional.empty(), false);
  }

  /**
   * Runs the agent and reads its final answer as {@code outputType}, a record or POJO, using
   * structured output ({@code json_schema}, strict) on either endpoint.
   *
   * @throws StructuredOutputException when the answer does not parse as {@code outputType}
   */
  public <T> TypedRunResult<T> run(String input, Class<T> outputType) {
    return run(List.of(userMessage(input)), outputType);
  }

  /** As {@link #run(String, Class)}, on a conversation. */
  public <T> TypedRunResult<T> run(List<Message> input, Class<T> outputType) {
    requireNonNull(outputType, "outputType");
    ModelSettings structured = settings.toBuilder().responseFormat(outputFormat(outputType)).build();
    RunResult result = execute(input, structured, Optional.empty(), false);
    return new TypedRunResult<>(parse(outputType, result), result);
  }

  /**
   * Runs the agent with streaming: text, reasoning and tool-call deltas reach {@code listener} as
   * they arrive, together with every other {@link AgentEvent}. Returns the same result as {@link #run(String)}.
   */
  public RunResult runStreaming(String input, AgentListener listener) {
    return runStreaming(List.of(userMessage(input)), listener);
  }

  /** As {@link #runStreaming(String, AgentListener)}, on a conversation. */
  public RunResult runStreaming(List<Message> input, AgentListener listener) {
    return execute(input, settings, Optional.of(requireNonNull(listener, "listener")), true);
  }

  /** Structured output with streaming: the JSON arrives as text deltas, then is parsed as {@code outputType}. */
  public <T> TypedRunResult<T> runStreaming(String input, Class<T> outputType, AgentListener listener) {
    requireNonNull(outputType, "outputType");
    ModelSettings structured = settings.toBuilder().responseFormat(outputFormat(outputType)).build();
    RunResult result = execute(List.of(userMessage(input)), structured, Optional.of(requireNonNull(listener, "listener")), true);
    return new TypedRunResult<>(parse(outputType, result), result);
  }

  /**
   * Starts a run on another thread. Cancelling the future stops the model call in flight and
   * interrupts the running tools.
   */
  public CompletableFuture<RunResult> runAsync(String input) {
    return runAsync(List.of(userMessage(input)));
  }

  /** As {@link #runAsync(String)}, on a conversation. */
  public CompletableFuture<RunResult> runAsync(List<Message> input) {
    List<Message> checked = checkInput(input);
    RunFuture future = new RunFuture();
    try {
      Threads.runs().execute(() -> {
        if (!future.attach(Thread.currentThread())) {
          return;
        }
        try {
          future.complete(execute(checked, settings, Optional.empty(), false));
        } catch (Throwable t) {
          future.completeExceptionally(t);
        } finally {
          future.detach();
        }
      });
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(e);
    }
    return future;
  }

  private RunResult execute(List<Message> input, ModelSettings runSettings, Optional<AgentListener> extra, boolean streaming) {
    List<Message> checked = checkInput(input);
    List<AgentListener> all = new ArrayList<>(listeners);
    extra.ifPresent(all::add);
    EventSink sink = all.isEmpty() ? EventSink.NONE : new EventSink(all);
    try (RunDeadline deadline = RunDeadline.start(runTimeout, Thread.currentThread())) {
      try {
        return new AgentLoop(this, runSettings, sink, streaming).run(checked);
      } catch (RunCancelledException e) {
        if (deadline.expired()) {
          throw new RunTimeoutException(runTimeout.orElseThrow(), e.messages(), e.usage());
        }
        throw e;
      }
    }
  }

  private static UserMessage userMessage(String input) {
    requireNonNull(input, "input");
    if (input.isBlank()) {
      throw new IllegalArgumentException("input is blank: pass the user's question or instruction");
    }
    return UserMessage.of(input);
  }

  private static List<Message> checkInput(List<Message> input) {
    requireNonNull(input, "input");
    if (input.isEmpty()) {
      throw new IllegalArgumentException("input is empty: pass at least one message, e.g. UserMessage.of(\"...\")");
    }
    long chars = 0;
    for (Message m : input) {
      requireNonNull(m, "input contains a null message");
      if (m instanceof UserMessage u) {
        chars += u.text().length();
      }
    }
    if (chars > MAX_INPUT_CHARS) {
      throw new IllegalArgumentException("input text is " + chars + " characters; the limit is " + MAX_INPUT_CHARS
          + ". Send large documents in parts or summarise them first.");
    }
    return List.copyOf(input);
  }

  private static final ClassValue<ResponseFormat> OUTPUT_FORMATS = new ClassValue<>() {
    @Override
    protected ResponseFormat computeValue(Class<?> type) {
      String name = type.getSimpleName().replaceAll("[^a-zA-Z0-9_-]", "_");
      name = name.isEmpty() ? "output" : name.substring(0, Math.min(64, name.length()));
      return ResponseFormat.jsonSchema(name, JsonSchemas.strictSchemaFor(type));
    }
  };

  private static ResponseFormat outputFormat(Class<?> type) {
    return OUTPUT_FORMATS.get(type);
  }

  private static <T> T parse(Class<T> type, RunResult result) {
    try {
      T value = Json.MAPPER.readValue(result.finalText(), type);
      if (value == null) {
        throw new StructuredOutputException(type, result.finalText(), "the answer is null", result.messages(), result.usage());
      }
      return value;
    } catch (tools.jackson.core.JacksonException e) {
      throw new StructuredOutputException(type, result.finalText(), e.getOriginalMessage(), result.messages(), result.usage());
    }
  }

  // --- what AgentLoop reads -------------------------------------------------------------------

  ModelClient client() {
    return client;
  }

  String model() {
    return model;
  }

  Optional<String> instructions() {
    return instructions;
  }

  Toolbox toolbox() {
    return toolbox;
  }

  int maxTurns() {
    return maxTurns;
  }

  Pricing pricing() {
    return pricing;
  }

  boolean serverSideState() {
    return serverSideState;
  }

  boolean allowEmptyAnswer() {
    return allowEmptyAnswer;
  }

  ToolDispatcher dispatcher() {
    return dispatcher;
  }

  ToolBudget newToolBudget() {
    return new ToolBudget(maxCallsPerTool, maxToolCalls, maxFailedToolTurns);
  }

  /** The first successful result of a stop-at tool, in call order. */
  Optional<ToolResult> stopResult(List<ToolResult> results) {
    if (stopAtTools.isEmpty()) {
      return Optional.empty();
    }
    return results.stream().filter(r -> !r.isError() && stopAtTools.contains(r.toolName())).findFirst();
  }

  RunCancelledException cancelled(List<Message> messages, Usage usage) {
    Thread.currentThread().interrupt(); // keep the caller's interrupt visible
    return new RunCancelledException("The run was cancelled (its thread was interrupted); the model call in flight "
        + "was cancelled and running tools were interrupted.", messages, usage);
  }

  @Override
  public String toString() {
    return "Agent[model=" + model + ", tools=" + toolbox.names() + ", maxTurns=" + maxTurns + "]";
  }

  /**
   * Builds an {@link Agent}. {@link #build()} checks everything at once and names each problem.
   *
   * <p>Defaults: 10 turns, 30 s per tool call, 64 tool calls at once, 40 calls per tool and 150 per run,
   * 3 turns in a row of failed tool calls, no run timeout, stateless Responses requests.
   */
  public static final class Builder {
    private ModelClient client;
    private String model;
    private Optional<String> instructions = Optional.empty();
    private Toolbox toolbox = Toolbox.empty();
    private final List<Object> toolTargets = new ArrayList<>();
    private ModelSettings settings = ModelSettings.defaults();
    private int maxTurns = 10;
    private Duration toolTimeout = Duration.ofSeconds(30);
    private int toolConcurrency = 64;
    private Optional<Executor> executor = Optional.empty();
    private final List<AgentListener> listeners = new ArrayList<>();
    private Pricing pricing = Pricing.none();
    private int maxFailedToolTurns = 3;
    private int maxCallsPerTool = 40;
    private int maxToolCalls = 150;
    private final List<String> stopAtTools = new ArrayList<>();
    private boolean serverSideState;
    private boolean allowEmptyAnswer;
    private Optional<Duration> runTimeout = Optional.empty();

    private Builder() {}

    private Builder(Agent a) {
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
    public Builder client(ModelClient client) {
      this.client = requireNonNull(client, "client");
      return this;
    }

    /** The model name sent with every request, e.g. {@code gpt-5.1}. Required. */
    public Builder model(String model) {
      this.model = requireNonNull(model, "model");
      return this;
    }

    /** The system prompt; left out when a run's input already starts with a system message. */
    public Builder instructions(String instructions) {
      this.instructions = Optional.of(requireNonNull(instructions, "instructions"));
      return this;
    }

    /** Adds tools: objects with {@code @Tool} methods, {@code FunctionTool}s or {@link Toolbox}es. */
    public Builder tools(Object... targets) {
      for (Object target : requireNonNull(targets, "targets")) {
        toolTargets.add(requireNonNull(target, "a tool target is null"));
      }
      return this;
    }

    public Builder settings(ModelSettings settings) {
      this.settings = requireNonNull(settings, "settings");
      return this;
    }

    /** How many model calls a run may make; at least 1. */
    public Builder maxTurns(int maxTurns) {
      this.maxTurns = maxTurns;
      return this;
    }

    /** How long one tool call may run before it is interrupted and reported to the model as timed out. */
    public Builder toolTimeout(Duration toolTimeout) {
      this.toolTimeout = requireNonNull(toolTimeout, "toolTimeout");
      return this;
    }

    /** How many tool calls may run at once, across all runs of this agent. */
    public Builder toolConcurrency(int toolConcurrency) {
      this.toolConcurrency = toolConcurrency;
      return this;
    }

    /** Where tool calls run; by default virtual threads on JDK 21+, a bounded daemon pool on 17. */
    public Builder executor(Executor executor) {
      this.executor = Optional.of(requireNonNull(executor, "executor"));
      return this;
    }

    /** Receives the events of every run. */
    public Builder listener(AgentListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /** Prices for {@link RunResult#cost()}; without one the cost is unknown. */
    public Builder pricing(Pricing pricing) {
      this.pricing = requireNonNull(pricing, "pricing");
      return this;
    }

    /** Ends a run with {@link ModelBehaviorException} after this many turns in a row whose tool calls all failed. */
    public Builder maxFailedToolTurns(int maxFailedToolTurns) {
      this.maxFailedToolTurns = maxFailedToolTurns;
      return this;
    }

    /** Ends a run with {@link ToolCallLimitExceededException} past these many calls of one tool, or in all. */
    public Builder toolCallLimits(int perTool, int perRun) {
      this.maxCallsPerTool = perTool;
      this.maxToolCalls = perRun;
      return this;
    }

    /**
     * Tools whose successful result ends the run as its final answer, without another model call.
     * When a turn calls a stop-at tool with other tools, all of them run, every result is kept in
     * the messages, and the first successful stop-at result in call order is the answer.
     */
    public Builder stopAtTools(String... names) {
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
    public Builder serverSideState() {
      this.serverSideState = true;
      return this;
    }

    /** Accept a final turn with no text instead of failing with {@link EmptyResponseException}. */
    public Builder allowEmptyAnswer() {
      this.allowEmptyAnswer = true;
      return this;
    }

    /** A deadline for each run; past it the run is stopped with {@link RunTimeoutException}. */
    public Builder runTimeout(Duration runTimeout) {
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
}
