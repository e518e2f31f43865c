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

  final ModelClient client;
  final String model;
  final Optional<String> instructions;
  final Toolbox toolbox;
  final ModelSettings settings;
  final int maxTurns;
  final Duration toolTimeout;
  final int toolConcurrency;
  final Optional<Executor> executor;
  final List<AgentListener> listeners;
  final Pricing pricing;
  final int maxFailedToolTurns;
  final int maxCallsPerTool;
  final int maxToolCalls;
  final Set<String> stopAtTools;
  final boolean serverSideState;
  final boolean allowEmptyAnswer;
  final Optional<Duration> runTimeout;
  private final ToolDispatcher dispatcher;

  Agent(AgentBuilder b, Toolbox toolbox) {
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

  public static AgentBuilder builder() {
    return new AgentBuilder();
  }

  /** A builder preset with this agent's configuration; it shares the client and the tools. */
  public AgentBuilder toBuilder() {
    return new AgentBuilder(this);
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
    RunResult result = execute(input, StructuredOutput.settings(settings, outputType), Optional.empty(), false);
    return StructuredOutput.read(outputType, result);
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
    RunResult result = execute(List.of(userMessage(input)), StructuredOutput.settings(settings, outputType),
        Optional.of(requireNonNull(listener, "listener")), true);
    return StructuredOutput.read(outputType, result);
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
}
