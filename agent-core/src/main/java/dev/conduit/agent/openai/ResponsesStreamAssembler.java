package dev.conduit.agent.openai;

import static dev.conduit.agent.openai.Fields.index;
import static dev.conduit.agent.openai.Fields.nonEmpty;
import static dev.conduit.agent.openai.Fields.obj;
import static dev.conduit.agent.openai.Fields.text;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.Reasoning;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.model.ModelApiException;
import dev.conduit.agent.model.ModelResponse;
import dev.conduit.agent.model.ModelStreamListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Assembles Responses stream events. Items are keyed by {@code output_index}; the {@code
 * response.completed} (or {@code incomplete}) event carries the authoritative final Response.
 */
final class ResponsesStreamAssembler implements StreamAssembler {
  private final ModelStreamListener listener;
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder refusal = new StringBuilder();
  private final Map<Integer, Call> calls = new HashMap<>();
  private final Map<String, Integer> outputIndexByItemId = new HashMap<>();
  private final TreeMap<Integer, JsonNode> doneItems = new TreeMap<>();
  private Optional<String> id = Optional.empty();
  private Optional<String> model = Optional.empty();
  private JsonNode finalResponse;
  private boolean delivered;

  ResponsesStreamAssembler(ModelStreamListener listener) {
    this.listener = listener;
  }

  private static final class Call {
    final int position;
    final StringBuilder arguments = new StringBuilder();

    Call(int position) {
      this.position = position;
    }
  }

  @Override
  public void accept(String eventType, String data) {
    JsonNode event;
    try {
      event = Json.MAPPER.readTree(data);
    } catch (JacksonException e) {
      throw new MalformedResponse("a stream event is not JSON: " + ErrorParser.excerpt(data.getBytes(StandardCharsets.UTF_8)));
    }
    if (!event.isObject()) {
      throw new MalformedResponse("a stream event is not a JSON object");
    }
    String type = nonEmpty(event, "type").orElse(eventType);
    switch (type) {
      case "response.created":
      case "response.in_progress":
        obj(event, "response").ifPresent(r -> {
          id = id.or(() -> nonEmpty(r, "id"));
          model = model.or(() -> nonEmpty(r, "model"));
        });
        break;
      case "response.output_item.added":
        obj(event, "item").ifPresent(item -> itemAdded(outputIndex(event), item));
        break;
      case "response.output_text.delta":
        nonEmpty(event, "delta").ifPresent(d -> {
          text.append(d);
          delivered = true;
          listener.onTextDelta(d);
        });
        break;
      case "response.refusal.delta":
        nonEmpty(event, "delta").ifPresent(refusal::append);
        break;
      case "response.reasoning_summary_text.delta":
      case "response.reasoning_text.delta":
        nonEmpty(event, "delta").ifPresent(d -> {
          delivered = true;
          listener.onReasoningDelta(d);
        });
        break;
      case "response.function_call_arguments.delta":
        argumentsDelta(event);
        break;
      case "response.function_call_arguments.done":
        Call call = calls.get(outputIndex(event));
        if (call != null) {
          text(event, "arguments").ifPresent(a -> call.arguments.replace(0, call.arguments.length(), a));
        }
        break;
      case "response.output_item.done":
        obj(event, "item").ifPresent(item -> itemDone(outputIndex(event), item));
        break;
      case "response.completed":
      case "response.incomplete":
        finalResponse = obj(event, "response").orElseThrow(
            () -> new MalformedResponse("the " + type + " event has no response object"));
        break;
      case "response.failed":
        throw ResponsesCodec.failed(obj(event, "response").orElse(null), Optional.empty());
      case "error":
        JsonNode e = obj(event, "error").orElse(event);
        throw new ModelApiException("The stream reported an error: " + text(e, "message").orElse("(no message)"), 200,
            nonEmpty(e, "type").filter(t -> !t.equals("error")), nonEmpty(e, "code"), nonEmpty(e, "param"),
            Optional.empty());
      default:
        break; // content_part, *.done text events, built-in tools: nothing to assemble
    }
  }

  private int outputIndex(JsonNode event) {
    return index(event, "output_index")
        .or(() -> nonEmpty(event, "item_id").map(outputIndexByItemId::get))
        .orElse(-1);
  }

  private void itemAdded(int outputIndex, JsonNode item) {
    nonEmpty(item, "id").ifPresent(itemId -> outputIndexByItemId.put(itemId, outputIndex));
    if (text(item, "type").orElse("").equals("function_call") && !calls.containsKey(outputIndex)) {
      Call call = new Call(calls.size());
      calls.put(outputIndex, call);
      delivered = true;
      listener.onToolCallStarted(call.position, text(item, "call_id").orElse(""), text(item, "name").orElse(""));
      nonEmpty(item, "arguments").ifPresent(a -> {
        call.arguments.append(a);
        listener.onToolCallArgumentsDelta(call.position, a);
      });
    }
  }

  private void argumentsDelta(JsonNode event) {
    Call call = calls.get(outputIndex(event));
    Optional<String> delta = nonEmpty(event, "delta");
    if (call != null && delta.isPresent()) {
      call.arguments.append(delta.get());
      delivered = true;
      listener.onToolCallArgumentsDelta(call.position, delta.get());
    }
  }

  private void itemDone(int outputIndex, JsonNode item) {
    if (text(item, "type").orElse("").equals("function_call") && !calls.containsKey(outputIndex)) {
      itemAdded(outputIndex, item); // a gateway that only sends the finished item
    }
    doneItems.put(outputIndex, item);
  }

  @Override
  public boolean terminal() {
    return finalResponse != null;
  }

  @Override
  public boolean complete() {
    return finalResponse != null;
  }

  @Override
  public boolean delivered() {
    return delivered;
  }

  @Override
  public ModelResponse result(Optional<String> requestId) {
    Iterable<JsonNode> output = Fields.elements(finalResponse, "output");
    AssistantMessage message = ResponsesCodec.message(output.iterator().hasNext() ? output : doneItems.values());
    return new ModelResponse(message, ResponsesCodec.finishReason(finalResponse, message),
        ResponsesCodec.usage(finalResponse), nonEmpty(finalResponse, "id").or(() -> id),
        nonEmpty(finalResponse, "model").or(() -> model), requestId);
  }

  @Override
  public AssistantMessage partial() {
    AssistantMessage done = ResponsesCodec.message(List.copyOf(doneItems.values()));
    List<ToolCall> whole = new ArrayList<>(done.toolCalls());
    List<Reasoning> reasoning = new ArrayList<>(done.reasoning());
    return new AssistantMessage(text.toString(), whole, reasoning,
        refusal.length() == 0 ? done.refusal() : Optional.of(refusal.toString()));
  }
}
