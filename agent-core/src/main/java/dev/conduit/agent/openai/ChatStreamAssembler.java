package dev.conduit.agent.openai;

import static dev.conduit.agent.openai.Fields.index;
import static dev.conduit.agent.openai.Fields.nonEmpty;
import static dev.conduit.agent.openai.Fields.obj;
import static dev.conduit.agent.openai.Fields.text;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.Reasoning;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.Usage;
import dev.conduit.agent.model.ModelApiException;
import dev.conduit.agent.model.ModelResponse;
import dev.conduit.agent.model.ModelStreamListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Assembles {@code chat.completion.chunk}s. Tool calls are keyed by their {@code index}; id and name
 * may come only in a call's first chunk, and a repeated id or {@code "type": ""} is tolerated.
 */
final class ChatStreamAssembler implements StreamAssembler {
  private final ModelStreamListener listener;
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder reasoning = new StringBuilder();
  private final StringBuilder refusal = new StringBuilder();
  private final Map<Integer, CallBuilder> calls = new LinkedHashMap<>();
  private Optional<String> id = Optional.empty();
  private Optional<String> model = Optional.empty();
  private Optional<String> finishReason = Optional.empty();
  private Usage usage = Usage.ZERO;
  private boolean done;
  private boolean delivered;

  ChatStreamAssembler(ModelStreamListener listener) {
    this.listener = listener;
  }

  private static final class CallBuilder {
    final int position;
    String id = "";
    String name = "";
    final StringBuilder arguments = new StringBuilder();

    CallBuilder(int position) {
      this.position = position;
    }

    ToolCall build() {
      return new ToolCall(id, name, arguments.toString());
    }
  }

  @Override
  public void accept(String eventType, String data) {
    if (data.strip().equals("[DONE]")) {
      done = true;
      return;
    }
    JsonNode chunk;
    try {
      chunk = Json.MAPPER.readTree(data);
    } catch (JacksonException e) {
      throw new MalformedResponse("a stream chunk is not JSON: " + ErrorParser.excerpt(data.getBytes(StandardCharsets.UTF_8)));
    }
    if (!chunk.isObject()) {
      throw new MalformedResponse("a stream chunk is not a JSON object");
    }
    Optional<JsonNode> error = obj(chunk, "error");
    if (error.isPresent() || "error".equals(eventType)) {
      JsonNode e = error.orElse(chunk);
      throw new ModelApiException("The stream reported an error: " + text(e, "message").orElse("(no message)"), 200,
          nonEmpty(e, "type"), nonEmpty(e, "code"), nonEmpty(e, "param"), Optional.empty());
    }
    if (id.isEmpty()) {
      id = nonEmpty(chunk, "id");
    }
    if (model.isEmpty()) {
      model = nonEmpty(chunk, "model");
    }
    if (obj(chunk, "usage").isPresent()) {
      usage = ChatCompletionsCodec.usage(chunk);
    }
    JsonNode choices = chunk.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      return;
    }
    JsonNode choice = choices.get(0);
    obj(choice, "delta").ifPresent(this::delta);
    nonEmpty(choice, "finish_reason").ifPresent(f -> finishReason = Optional.of(f));
  }

  private void delta(JsonNode delta) {
    ChatCompletionsCodec.reasoningText(delta).ifPresent(r -> {
      reasoning.append(r);
      deliver();
      listener.onReasoningDelta(r);
    });
    nonEmpty(delta, "content").ifPresent(c -> {
      text.append(c);
      deliver();
      listener.onTextDelta(c);
    });
    nonEmpty(delta, "refusal").ifPresent(refusal::append);
    for (JsonNode tc : Fields.elements(delta, "tool_calls")) {
      toolCallDelta(tc);
    }
  }

  private void toolCallDelta(JsonNode tc) {
    Optional<String> callId = nonEmpty(tc, "id");
    JsonNode fn = obj(tc, "function").orElse(null);
    int key = index(tc, "index").orElseGet(() -> keyWithoutIndex(callId));
    CallBuilder call = calls.get(key);
    if (call == null) {
      call = new CallBuilder(calls.size());
      calls.put(key, call);
      call.id = callId.orElse("");
      call.name = nonEmpty(fn, "name").orElse("");
      deliver();
      listener.onToolCallStarted(call.position, call.id, call.name);
    } else {
      // Later chunks may repeat the id; a name or id that only comes late still counts.
      if (call.id.isEmpty()) {
        call.id = callId.orElse("");
      }
      if (call.name.isEmpty()) {
        call.name = nonEmpty(fn, "name").orElse("");
      }
    }
    Optional<String> args = text(fn, "arguments").filter(a -> !a.isEmpty());
    if (args.isPresent()) {
      call.arguments.append(args.get());
      deliver();
      listener.onToolCallArgumentsDelta(call.position, args.get());
    }
  }

  /** Providers that leave out {@code index}: a new id starts a new call, anything else continues the last. */
  private int keyWithoutIndex(Optional<String> callId) {
    if (callId.isPresent()) {
      for (Map.Entry<Integer, CallBuilder> e : calls.entrySet()) {
        if (e.getValue().id.equals(callId.get())) {
          return e.getKey();
        }
      }
      return -1 - calls.size(); // negative keys never clash with real indexes
    }
    int last = 0;
    for (Integer k : calls.keySet()) {
      last = k;
    }
    return last;
  }

  private void deliver() {
    delivered = true;
  }

  @Override
  public boolean terminal() {
    return done;
  }

  @Override
  public boolean complete() {
    return done || finishReason.isPresent();
  }

  @Override
  public boolean delivered() {
    return delivered;
  }

  @Override
  public ModelResponse result(Optional<String> requestId) {
    List<ToolCall> toolCalls = new ArrayList<>();
    calls.values().forEach(c -> toolCalls.add(c.build()));
    AssistantMessage message = message(toolCalls);
    return new ModelResponse(message, ChatCompletionsCodec.finishReason(finishReason, !toolCalls.isEmpty()), usage,
        id, model, requestId);
  }

  @Override
  public AssistantMessage partial() {
    // The last call may still be receiving arguments: only those before it are known to be whole.
    List<ToolCall> whole = new ArrayList<>();
    List<CallBuilder> all = new ArrayList<>(calls.values());
    for (int i = 0; i < all.size() - 1; i++) {
      whole.add(all.get(i).build());
    }
    return message(whole);
  }

  private AssistantMessage message(List<ToolCall> toolCalls) {
    List<Reasoning> r = reasoning.length() == 0 ? List.of() : List.of(Reasoning.ofText(reasoning.toString()));
    return new AssistantMessage(text.toString(), toolCalls, r,
        refusal.length() == 0 ? Optional.empty() : Optional.of(refusal.toString()));
  }
}
