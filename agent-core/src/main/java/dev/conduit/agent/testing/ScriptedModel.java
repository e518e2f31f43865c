package dev.conduit.agent.testing;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.FinishReason;
import dev.conduit.agent.message.Reasoning;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.Usage;
import dev.conduit.agent.model.ModelClient;
import dev.conduit.agent.model.ModelRequest;
import dev.conduit.agent.model.ModelResponse;
import dev.conduit.agent.model.ModelStreamListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link ModelClient} that plays a script instead of calling a provider, and records every request,
 * so agents can be tested without a network.
 *
 * <pre>{@code
 * ScriptedModel model = ScriptedModel.builder()
 *     .toolCalls(new ToolCall("call_1", "currentWeather", "{\"location\":\"Tokyo\"}"))
 *     .text("It is 18 °C and sunny in Tokyo.")
 *     .build();
 * Agent agent = Agent.builder().client(model).model("test").tools(new WeatherTools()).build();
 *
 * assertThat(agent.run("Weather in Tokyo?").finalText()).contains("sunny");
 * assertThat(model.requests().get(1).messages()).last().isInstanceOf(ToolResult.class);
 * }</pre>
 *
 * <p>Turn N of the script answers the N-th request, whichever run sends it; a request past the end
 * of the script fails with {@link IllegalStateException}. For a model that answers any number of
 * concurrent runs, use {@link #answering(Function)}. Thread-safe.
 */
public final class ScriptedModel implements ModelClient {
  private final List<Function<ModelRequest, Turn>> script;
  private final Optional<Function<ModelRequest, Turn>> fallback;
  private final AtomicInteger next = new AtomicInteger();
  private final List<ModelRequest> requests = new CopyOnWriteArrayList<>();

  private ScriptedModel(List<Function<ModelRequest, Turn>> script, Optional<Function<ModelRequest, Turn>> fallback) {
    this.script = List.copyOf(script);
    this.fallback = fallback;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A model that computes every answer from the request, for any number of turns and runs. */
  public static ScriptedModel answering(Function<ModelRequest, Turn> answer) {
    requireNonNull(answer, "answer");
    return new ScriptedModel(List.of(), Optional.of(answer));
  }

  /** Every request received, in order. */
  public List<ModelRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public ModelResponse complete(ModelRequest request) {
    return nextTurn(request).response();
  }

  @Override
  public ModelResponse stream(ModelRequest request, ModelStreamListener listener) throws InterruptedException {
    Turn turn = nextTurn(request);
    ModelResponse response = turn.response();
    AssistantMessage message = response.message();
    for (Reasoning r : message.reasoning()) {
      if (!r.displayText().isEmpty()) {
        listener.onReasoningDelta(r.displayText());
      }
    }
    for (String chunk : turn.textChunks()) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      listener.onTextDelta(chunk);
    }
    List<ToolCall> calls = message.toolCalls();
    for (int i = 0; i < calls.size(); i++) {
      listener.onToolCallStarted(i, calls.get(i).id(), calls.get(i).name());
      listener.onToolCallArgumentsDelta(i, calls.get(i).argumentsJson());
    }
    return response;
  }

  private Turn nextTurn(ModelRequest request) {
    requests.add(request);
    int index = next.getAndIncrement();
    Function<ModelRequest, Turn> step;
    if (index < script.size()) {
      step = script.get(index);
    } else if (fallback.isPresent()) {
      step = fallback.get();
    } else {
      throw new IllegalStateException("ScriptedModel received request " + (index + 1) + " but its script has only "
          + script.size() + " turn" + (script.size() == 1 ? "" : "s") + ": add more turns to the builder.");
    }
    return step.apply(request);
  }

  /**
   * One scripted answer: the response, and how its text is split into stream deltas.
   *
   * @param response what {@code complete} returns
   * @param textChunks the text deltas {@code stream} reports, which join to the response's text
   */
  public record Turn(ModelResponse response, List<String> textChunks) {
    public Turn {
      requireNonNull(response, "response");
      textChunks = List.copyOf(requireNonNull(textChunks, "textChunks"));
      if (!String.join("", textChunks).equals(response.message().text())) {
        throw new IllegalArgumentException("textChunks must join to the response text");
      }
    }

    public static Turn of(ModelResponse response) {
      String text = response.message().text();
      return new Turn(response, text.isEmpty() ? List.of() : List.of(text));
    }

    /** A final answer, streamed as the given chunks. */
    public static Turn text(String... chunks) {
      String text = String.join("", chunks);
      ModelResponse response = ModelResponse.of(AssistantMessage.ofText(text), FinishReason.STOP, DEFAULT_USAGE);
      return new Turn(response, Arrays.asList(chunks));
    }

    /** A turn that calls tools. */
    public static Turn toolCalls(ToolCall... calls) {
      ModelResponse response = ModelResponse.of(AssistantMessage.ofToolCalls(List.of(calls)), FinishReason.TOOL_CALLS, DEFAULT_USAGE);
      return new Turn(response, List.of());
    }
  }

  /** Usage reported by scripted turns unless a turn says otherwise: small, non-zero, so cost shows. */
  public static final Usage DEFAULT_USAGE = new Usage(100, 20, 0, 0);

  /** Builds the script, one turn per call. */
  public static final class Builder {
    private final List<Function<ModelRequest, Turn>> script = new ArrayList<>();
    private Optional<Function<ModelRequest, Turn>> fallback = Optional.empty();

    private Builder() {}

    /** A final answer; with several arguments, {@code stream} delivers them as separate deltas. */
    public Builder text(String... chunks) {
      Turn turn = Turn.text(chunks);
      script.add(r -> turn);
      return this;
    }

    /** A turn that calls these tools. */
    public Builder toolCalls(ToolCall... calls) {
      Turn turn = Turn.toolCalls(calls);
      script.add(r -> turn);
      return this;
    }

    /** Any response: reasoning, refusals, finish reasons, usage. */
    public Builder response(ModelResponse response) {
      Turn turn = Turn.of(response);
      script.add(r -> turn);
      return this;
    }

    /** A turn computed from the request, e.g. an answer built from the tool results it carries. */
    public Builder answer(Function<ModelRequest, Turn> answer) {
      script.add(requireNonNull(answer, "answer"));
      return this;
    }

    /** A turn whose model call fails with {@code failure}, e.g. a {@code ModelApiException}. */
    public Builder failure(RuntimeException failure) {
      requireNonNull(failure, "failure");
      script.add(r -> {
        throw failure;
      });
      return this;
    }

    /** What to answer after the scripted turns are used up, instead of failing. */
    public Builder thenAnswering(Function<ModelRequest, Turn> answer) {
      this.fallback = Optional.of(requireNonNull(answer, "answer"));
      return this;
    }

    public ScriptedModel build() {
      return new ScriptedModel(script, fallback);
    }
  }
}
