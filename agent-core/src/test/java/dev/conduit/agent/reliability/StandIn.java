package dev.conduit.agent.reliability;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.openai.Endpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in of the OpenAI API: model turns written as either endpoint's JSON body or SSE
 * stream, plus the faults of RELIABILITY.md b1-b16. The agent tests in {@code dev.conduit.agent}
 * have a similar writer ({@code OpenAiWire}), but it is package-private there; this one also writes
 * the stop reasons (length, content_filter, refusal) of b21-b25.
 */
final class StandIn {
  /** One model turn, written for whichever endpoint and mode is asked. */
  record Turn(String text, List<ToolCall> calls, String chatFinish, Optional<String> refusal,
      Optional<String> incompleteReason) {
    static Turn text(String text) {
      return new Turn(text, List.of(), "stop", Optional.empty(), Optional.empty());
    }

    static Turn calls(ToolCall... calls) {
      return new Turn("", List.of(calls), "tool_calls", Optional.empty(), Optional.empty());
    }

    /** Cut by the output token limit: {@code finish_reason: length} / {@code incomplete: max_output_tokens}. */
    Turn cutByLength() {
      return new Turn(text, calls, "length", refusal, Optional.of("max_output_tokens"));
    }

    Turn contentFiltered() {
      return new Turn(text, calls, "content_filter", refusal, Optional.of("content_filter"));
    }

    Turn withFinish(String chatFinish) {
      return new Turn(text, calls, chatFinish, refusal, incompleteReason);
    }

    static Turn refusal(String words) {
      return new Turn("", List.of(), "stop", Optional.of(words), Optional.empty());
    }
  }

  final Endpoint endpoint;
  final boolean streaming;

  StandIn(Endpoint endpoint, boolean streaming) {
    this.endpoint = endpoint;
    this.streaming = streaming;
  }

  @Override
  public String toString() {
    return endpoint + (streaming ? " streaming" : " json");
  }

  MockResponse text(String text) {
    return respond(Turn.text(text));
  }

  MockResponse calls(ToolCall... calls) {
    return respond(Turn.calls(calls));
  }

  MockResponse respond(Turn turn) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", streaming ? "text/event-stream" : "application/json")
        .addHeader("x-request-id", "req_ok")
        .body(body(turn))
        .build();
  }

  String body(Turn turn) {
    if (endpoint == Endpoint.CHAT_COMPLETIONS) {
      return streaming ? chatStream(turn) : chatJson(turn).toString();
    }
    return streaming ? responsesStream(turn) : responsesJson(turn).toString();
  }

  /** The turn's stream or body cut after its first half, then the connection closed: a reset mid-stream. */
  MockResponse resetMidway(Turn turn) {
    byte[] all = body(turn).getBytes(StandardCharsets.UTF_8);
    int cut = streaming ? afterSecondEvent(all) : all.length / 2;
    byte[] prefix = java.util.Arrays.copyOf(all, cut);
    MockResponseBody body = new MockResponseBody() {
      @Override
      public long getContentLength() {
        return all.length; // promises the whole body, sends a part
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(prefix);
        sink.flush();
      }
    };
    return new MockResponse.Builder()
        .addHeader("Content-Type", streaming ? "text/event-stream" : "application/json")
        .addHeader("x-request-id", "req_reset")
        .body(body)
        .onResponseEnd(new SocketEffect.CloseSocket(true, true, true))
        .build();
  }

  private static int afterSecondEvent(byte[] all) {
    String s = new String(all, StandardCharsets.UTF_8);
    int first = s.indexOf("\n\n");
    int second = s.indexOf("\n\n", first + 2);
    int third = s.indexOf("\n\n", second + 2);
    int at = third > 0 ? third + 2 : second + 2;
    return s.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
  }

  static MockResponse status(int code, String type, String errorCode) {
    String body = "{\"error\":{\"message\":\"status " + code + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
        + (errorCode == null ? "null" : "\"" + errorCode + "\"") + "}}";
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req_" + code).body(body).build();
  }

  // --- Chat Completions ----------------------------------------------------------------------

  private static ObjectNode chatJson(Turn turn) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1).put("model", "gpt-5.1");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    if (turn.text().isEmpty()) {
      message.putNull("content");
    } else {
      message.put("content", turn.text());
    }
    if (!turn.calls().isEmpty()) {
      ArrayNode toolCalls = message.putArray("tool_calls");
      for (ToolCall call : turn.calls()) {
        ObjectNode c = toolCalls.addObject();
        c.put("id", call.id()).put("type", "function");
        c.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
      }
    }
    if (turn.refusal().isPresent()) {
      message.put("refusal", turn.refusal().get());
    } else {
      message.putNull("refusal");
    }
    choice.put("finish_reason", turn.chatFinish());
    root.set("usage", chatUsage());
    return root;
  }

  private static ObjectNode chatUsage() {
    ObjectNode usage = Json.MAPPER.createObjectNode();
    usage.put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
    return usage;
  }

  private static String chatStream(Turn turn) {
    List<String> events = new ArrayList<>();
    events.add(chunk(d -> d.put("role", "assistant").put("content", ""), null));
    List<ToolCall> calls = turn.calls();
    for (int i = 0; i < calls.size(); i++) {
      ToolCall call = calls.get(i);
      int index = i;
      events.add(chunk(d -> {
        ObjectNode c = d.putArray("tool_calls").addObject();
        c.put("index", index).put("id", call.id()).put("type", "function");
        c.putObject("function").put("name", call.name()).put("arguments", "");
      }, null));
      for (String piece : halves(call.argumentsJson())) {
        events.add(chunk(d -> d.putArray("tool_calls").addObject().put("index", index)
            .putObject("function").put("arguments", piece), null));
      }
    }
    for (String piece : halves(turn.text())) {
      events.add(chunk(d -> d.put("content", piece), null));
    }
    turn.refusal().ifPresent(r -> events.add(chunk(d -> d.put("refusal", r), null)));
    events.add(chunk(d -> { }, turn.chatFinish()));
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

  private static ObjectNode responsesJson(Turn turn) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("id", "resp_1").put("object", "response").put("created_at", 1)
        .put("status", turn.incompleteReason().isPresent() ? "incomplete" : "completed").put("model", "gpt-5.1");
    turn.incompleteReason().ifPresent(r -> root.putObject("incomplete_details").put("reason", r));
    ArrayNode output = root.putArray("output");
    for (ToolCall call : turn.calls()) {
      output.addObject().put("type", "function_call").put("id", "fc_" + call.id()).put("call_id", call.id())
          .put("name", call.name()).put("arguments", call.argumentsJson()).put("status", "completed");
    }
    if (!turn.text().isEmpty() || turn.refusal().isPresent() || turn.calls().isEmpty()) {
      ObjectNode item = output.addObject().put("type", "message").put("id", "msg_1").put("role", "assistant")
          .put("status", "completed");
      ArrayNode content = item.putArray("content");
      if (turn.refusal().isPresent()) {
        content.addObject().put("type", "refusal").put("refusal", turn.refusal().get());
      } else {
        content.addObject().put("type", "output_text").put("text", turn.text()).putArray("annotations");
      }
    }
    ObjectNode usage = root.putObject("usage");
    usage.put("input_tokens", 100).put("output_tokens", 20).put("total_tokens", 120);
    return root;
  }

  private static String responsesStream(Turn turn) {
    StringBuilder sse = new StringBuilder();
    ObjectNode created = Json.MAPPER.createObjectNode();
    created.put("type", "response.created").put("sequence_number", 0);
    created.putObject("response").put("id", "resp_1").put("status", "in_progress").putArray("output");
    event(sse, created);
    int index = 0;
    int seq = 1;
    for (ToolCall call : turn.calls()) {
      ObjectNode added = Json.MAPPER.createObjectNode();
      added.put("type", "response.output_item.added").put("sequence_number", seq++).put("output_index", index);
      added.putObject("item").put("type", "function_call").put("id", "fc_" + call.id()).put("call_id", call.id())
          .put("name", call.name()).put("arguments", "").put("status", "in_progress");
      event(sse, added);
      for (String piece : halves(call.argumentsJson())) {
        ObjectNode delta = Json.MAPPER.createObjectNode();
        delta.put("type", "response.function_call_arguments.delta").put("sequence_number", seq++)
            .put("item_id", "fc_" + call.id()).put("output_index", index).put("delta", piece);
        event(sse, delta);
      }
      index++;
    }
    for (String piece : halves(turn.text())) {
      ObjectNode delta = Json.MAPPER.createObjectNode();
      delta.put("type", "response.output_text.delta").put("sequence_number", seq++).put("item_id", "msg_1")
          .put("output_index", index).put("content_index", 0).put("delta", piece);
      event(sse, delta);
    }
    ObjectNode last = Json.MAPPER.createObjectNode();
    last.put("type", turn.incompleteReason().isPresent() ? "response.incomplete" : "response.completed")
        .put("sequence_number", seq);
    last.set("response", responsesJson(turn));
    event(sse, last);
    return sse.toString();
  }

  private static void event(StringBuilder sse, ObjectNode data) {
    sse.append("event: ").append(data.get("type").asString()).append('\n').append("data: ").append(data).append("\n\n");
  }

  private static List<String> halves(String s) {
    if (s.length() < 2) {
      return s.isEmpty() ? List.of() : List.of(s);
    }
    return List.of(s.substring(0, s.length() / 2), s.substring(s.length() / 2));
  }
}
