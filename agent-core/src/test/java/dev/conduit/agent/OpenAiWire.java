package dev.conduit.agent;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.openai.Endpoint;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies shaped like the real OpenAI API's, for an agent talking to MockWebServer: a turn of tool
 * calls or of text, on either endpoint, as JSON or as an SSE stream.
 */
final class OpenAiWire {
  private final Endpoint endpoint;
  private final boolean streaming;
  private final String reasoning;
  private int responses;

  OpenAiWire(Endpoint endpoint, boolean streaming) {
    this(endpoint, streaming, "");
  }

  /** Every turn also carries {@code reasoning}: {@code reasoning_content} on Chat, a reasoning item with a summary on Responses. */
  OpenAiWire(Endpoint endpoint, boolean streaming, String reasoning) {
    this.endpoint = endpoint;
    this.streaming = streaming;
    this.reasoning = reasoning;
  }

  MockResponse toolCalls(ToolCall... calls) {
    return respond(new Turn(List.of(calls), "", "", "tool_calls"));
  }

  MockResponse text(String text) {
    return respond(new Turn(List.of(), text, "", "stop"));
  }

  /** Text cut off by the output token limit: {@code length} / {@code incomplete: max_output_tokens}. */
  MockResponse cutOff(String text) {
    return respond(new Turn(List.of(), text, "", "length"));
  }

  /** Tool calls whose arguments were cut off by the output token limit. */
  MockResponse cutOff(ToolCall... calls) {
    return respond(new Turn(List.of(calls), "", "", "length"));
  }

  /** Stopped by the content filter: {@code content_filter} / {@code incomplete: content_filter}. */
  MockResponse filtered() {
    return respond(new Turn(List.of(), "", "", "content_filter"));
  }

  MockResponse refusal(String refusal) {
    return respond(new Turn(List.of(), "", refusal, "stop"));
  }

  /** One turn's content: calls, text, refusal, and the Chat Completions finish reason it maps to. */
  private record Turn(List<ToolCall> calls, String text, String refusal, String finish) {
    boolean incomplete() {
      return finish.equals("length") || finish.equals("content_filter");
    }

    String incompleteReason() {
      return finish.equals("length") ? "max_output_tokens" : "content_filter";
    }
  }

  private MockResponse respond(Turn turn) {
    String body;
    String id = "resp_" + (++responses);
    if (endpoint == Endpoint.CHAT_COMPLETIONS) {
      body = streaming ? chatStream(turn, reasoning) : chatJson(turn, reasoning).toString();
    } else {
      body = streaming ? responsesStream(id, turn, reasoning) : responsesJson(id, turn, reasoning).toString();
    }
    return new MockResponse.Builder()
        .addHeader("Content-Type", streaming ? "text/event-stream" : "application/json")
        .addHeader("x-request-id", "req_test")
        .body(body)
        .build();
  }

  // --- Chat Completions ----------------------------------------------------------------------

  private static ObjectNode chatJson(Turn turn, String reasoning) {
    List<ToolCall> calls = turn.calls();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1).put("model", "gpt-5.1");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    if (!reasoning.isEmpty()) {
      message.put("reasoning_content", reasoning);
    }
    if (calls.isEmpty()) {
      if (turn.refusal().isEmpty()) {
        message.put("content", turn.text());
      } else {
        message.putNull("content");
      }
    } else {
      message.putNull("content");
      ArrayNode toolCalls = message.putArray("tool_calls");
      for (ToolCall call : calls) {
        ObjectNode c = toolCalls.addObject();
        c.put("id", call.id()).put("type", "function");
        c.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
      }
    }
    if (turn.refusal().isEmpty()) {
      message.putNull("refusal");
    } else {
      message.put("refusal", turn.refusal());
    }
    choice.put("finish_reason", turn.finish());
    root.set("usage", chatUsage());
    return root;
  }

  private static ObjectNode chatUsage() {
    ObjectNode usage = Json.MAPPER.createObjectNode();
    usage.put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
    usage.putObject("prompt_tokens_details").put("cached_tokens", 40);
    usage.putObject("completion_tokens_details").put("reasoning_tokens", 5);
    return usage;
  }

  private static String chatStream(Turn turn, String reasoning) {
    List<ToolCall> calls = turn.calls();
    List<String> events = new ArrayList<>();
    events.add(chunk(delta -> delta.put("role", "assistant").put("content", ""), null));
    for (String piece : halves(reasoning)) {
      events.add(chunk(delta -> delta.put("reasoning_content", piece), null));
    }
    for (int i = 0; i < calls.size(); i++) {
      ToolCall call = calls.get(i);
      int index = i;
      events.add(chunk(delta -> {
        ObjectNode c = delta.putArray("tool_calls").addObject();
        c.put("index", index).put("id", call.id()).put("type", "function");
        c.putObject("function").put("name", call.name()).put("arguments", "");
      }, null));
      for (String piece : halves(call.argumentsJson())) {
        events.add(chunk(delta -> delta.putArray("tool_calls").addObject().put("index", index)
            .putObject("function").put("arguments", piece), null));
      }
    }
    for (String piece : halves(turn.text())) {
      events.add(chunk(delta -> delta.put("content", piece), null));
    }
    for (String piece : halves(turn.refusal())) {
      events.add(chunk(delta -> delta.put("refusal", piece), null));
    }
    events.add(chunk(delta -> { }, turn.finish()));
    ObjectNode usageChunk = Json.MAPPER.createObjectNode();
    usageChunk.put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("created", 1).put("model", "gpt-5.1");
    usageChunk.putArray("choices");
    usageChunk.set("usage", chatUsage());
    events.add(usageChunk.toString());
    StringBuilder sse = new StringBuilder();
    for (String e : events) {
      sse.append("data: ").append(e).append("\n\n");
    }
    return sse.append("data: [DONE]\n\n").toString();
  }

  private static String chunk(java.util.function.Consumer<ObjectNode> fillDelta, String finishReason) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("created", 1).put("model", "gpt-5.1");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    fillDelta.accept(choice.putObject("delta"));
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return root.toString();
  }

  // --- Responses -----------------------------------------------------------------------------

  private static ObjectNode responsesJson(String id, Turn turn, String reasoning) {
    List<ToolCall> calls = turn.calls();
    ObjectNode root = responseShell(id, turn.incomplete() ? "incomplete" : "completed");
    if (turn.incomplete()) {
      root.putObject("incomplete_details").put("reason", turn.incompleteReason());
    }
    ArrayNode output = root.putArray("output");
    if (!reasoning.isEmpty()) {
      output.add(reasoningItem(id, reasoning));
    }
    for (ToolCall call : calls) {
      output.add(functionCallItem(call, call.argumentsJson(), "completed"));
    }
    if (calls.isEmpty() && !(turn.incomplete() && turn.text().isEmpty())) {
      output.add(messageItem(turn.text(), turn.refusal(), "completed"));
    }
    ObjectNode usage = root.putObject("usage");
    usage.put("input_tokens", 100).put("output_tokens", 20).put("total_tokens", 120);
    usage.putObject("input_tokens_details").put("cached_tokens", 40);
    usage.putObject("output_tokens_details").put("reasoning_tokens", 5);
    return root;
  }

  private static ObjectNode reasoningItem(String responseId, String summary) {
    ObjectNode item = Json.MAPPER.createObjectNode();
    item.put("type", "reasoning").put("id", "rs_" + responseId).put("encrypted_content", "enc_" + responseId);
    item.putArray("summary").addObject().put("type", "summary_text").put("text", summary);
    return item;
  }

  private static ObjectNode responseShell(String id, String status) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("id", id).put("object", "response").put("created_at", 1).put("status", status).put("model", "gpt-5.1");
    return root;
  }

  private static ObjectNode functionCallItem(ToolCall call, String arguments, String status) {
    ObjectNode item = Json.MAPPER.createObjectNode();
    item.put("type", "function_call").put("id", "fc_" + call.id()).put("call_id", call.id()).put("name", call.name())
        .put("arguments", arguments).put("status", status);
    return item;
  }

  private static ObjectNode messageItem(String text, String refusal, String status) {
    ObjectNode item = Json.MAPPER.createObjectNode();
    item.put("type", "message").put("id", "msg_1").put("role", "assistant").put("status", status);
    ArrayNode content = item.putArray("content");
    if (!refusal.isEmpty()) {
      content.addObject().put("type", "refusal").put("refusal", refusal);
    } else if (!text.isEmpty() || status.equals("completed")) {
      content.addObject().put("type", "output_text").put("text", text).putArray("annotations");
    }
    return item;
  }

  private static String responsesStream(String id, Turn turn, String reasoning) {
    List<ToolCall> calls = turn.calls();
    String text = turn.text();
    StringBuilder sse = new StringBuilder();
    int seq = 0;
    ObjectNode created = Json.MAPPER.createObjectNode();
    created.put("type", "response.created").put("sequence_number", seq++);
    ObjectNode shell = responseShell(id, "in_progress");
    shell.putArray("output");
    created.set("response", shell);
    event(sse, created);
    int index = 0;
    if (!reasoning.isEmpty()) {
      ObjectNode added = Json.MAPPER.createObjectNode();
      added.put("type", "response.output_item.added").put("sequence_number", seq++).put("output_index", index);
      ObjectNode empty = reasoningItem(id, "");
      empty.putArray("summary");
      added.set("item", empty);
      event(sse, added);
      for (String piece : halves(reasoning)) {
        ObjectNode delta = Json.MAPPER.createObjectNode();
        delta.put("type", "response.reasoning_summary_text.delta").put("sequence_number", seq++)
            .put("item_id", "rs_" + id).put("output_index", index).put("summary_index", 0).put("delta", piece);
        event(sse, delta);
      }
      ObjectNode done = Json.MAPPER.createObjectNode();
      done.put("type", "response.output_item.done").put("sequence_number", seq++).put("output_index", index);
      done.set("item", reasoningItem(id, reasoning));
      event(sse, done);
      index++;
    }
    for (ToolCall call : calls) {
      ObjectNode added = Json.MAPPER.createObjectNode();
      added.put("type", "response.output_item.added").put("sequence_number", seq++).put("output_index", index);
      added.set("item", functionCallItem(call, "", "in_progress"));
      event(sse, added);
      for (String piece : halves(call.argumentsJson())) {
        ObjectNode delta = Json.MAPPER.createObjectNode();
        delta.put("type", "response.function_call_arguments.delta").put("sequence_number", seq++)
            .put("item_id", "fc_" + call.id()).put("output_index", index).put("delta", piece);
        event(sse, delta);
      }
      ObjectNode argsDone = Json.MAPPER.createObjectNode();
      argsDone.put("type", "response.function_call_arguments.done").put("sequence_number", seq++)
          .put("item_id", "fc_" + call.id()).put("output_index", index).put("arguments", call.argumentsJson());
      event(sse, argsDone);
      ObjectNode done = Json.MAPPER.createObjectNode();
      done.put("type", "response.output_item.done").put("sequence_number", seq++).put("output_index", index);
      done.set("item", functionCallItem(call, call.argumentsJson(), "completed"));
      event(sse, done);
      index++;
    }
    if (calls.isEmpty() && !(turn.incomplete() && text.isEmpty())) {
      ObjectNode added = Json.MAPPER.createObjectNode();
      added.put("type", "response.output_item.added").put("sequence_number", seq++).put("output_index", index);
      added.set("item", messageItem("", "", "in_progress"));
      event(sse, added);
      for (String piece : halves(text)) {
        ObjectNode delta = Json.MAPPER.createObjectNode();
        delta.put("type", "response.output_text.delta").put("sequence_number", seq++).put("item_id", "msg_1")
            .put("output_index", index).put("content_index", 0).put("delta", piece);
        event(sse, delta);
      }
      for (String piece : halves(turn.refusal())) {
        ObjectNode delta = Json.MAPPER.createObjectNode();
        delta.put("type", "response.refusal.delta").put("sequence_number", seq++).put("item_id", "msg_1")
            .put("output_index", index).put("content_index", 0).put("delta", piece);
        event(sse, delta);
      }
      ObjectNode done = Json.MAPPER.createObjectNode();
      done.put("type", "response.output_item.done").put("sequence_number", seq++).put("output_index", index);
      done.set("item", messageItem(text, turn.refusal(), "completed"));
      event(sse, done);
    }
    ObjectNode completed = Json.MAPPER.createObjectNode();
    completed.put("type", turn.incomplete() ? "response.incomplete" : "response.completed").put("sequence_number", seq);
    completed.set("response", responsesJson(id, turn, reasoning));
    event(sse, completed);
    return sse.toString();
  }

  private static void event(StringBuilder sse, ObjectNode data) {
    sse.append("event: ").append(data.get("type").asString()).append('\n')
        .append("data: ").append(data).append("\n\n");
  }

  private static List<String> halves(String s) {
    if (s.length() < 2) {
      return s.isEmpty() ? List.of() : List.of(s);
    }
    return List.of(s.substring(0, s.length() / 2), s.substring(s.length() / 2));
  }
}
