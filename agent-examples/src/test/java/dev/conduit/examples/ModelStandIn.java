package dev.conduit.examples;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.SystemMessage;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.message.UserMessage;
import dev.conduit.agent.model.ModelRequest;
import dev.conduit.agent.model.ModelSettings;
import dev.conduit.agent.testing.ScriptedModel.Turn;
import dev.conduit.agent.tool.ToolDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible model on 127.0.0.1: it reads real Chat Completions and Responses requests, lets a
 * "brain" decide the turn from the conversation (as a model would, from the last message), and answers
 * in the real wire formats, as JSON or as SSE. Stateless, so any number of runs may use it at once.
 *
 * <p>Every answer reports the same usage: 150 input tokens (50 cached) and 40 output (10 reasoning).
 */
final class ModelStandIn implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String KEY = "sk-test-4f9a-standin";

  private final MockWebServer server = new MockWebServer();
  private final Function<ModelRequest, Turn> brain;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  ModelStandIn(Function<ModelRequest, Turn> brain) {
    this.brain = brain;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL to give the client, e.g. {@code http://127.0.0.1:PORT/v1}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/v1";
  }

  /** The JSON bodies received, in order of arrival. */
  List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  @Override
  public void close() {
    server.close();
  }

  private MockResponse answer(RecordedRequest recorded) {
    JsonNode body = JSON.readTree(recorded.getBody() == null ? "{}" : recorded.getBody().utf8());
    requests.add(body);
    authorizations.add(String.valueOf(recorded.getHeaders().get("Authorization")));
    String path = recorded.getUrl().encodedPath();
    boolean stream = body.path("stream").asBoolean(false);
    if (path.equals("/v1/chat/completions")) {
      Turn turn = brain.apply(fromChat(body));
      return stream ? sse(chatStream(body, turn)) : json(chatJson(body, turn));
    }
    if (path.equals("/v1/responses")) {
      Turn turn = brain.apply(fromResponses(body));
      return stream ? sse(responsesStream(body, turn)) : json(responsesJson(body, turn));
    }
    return new MockResponse.Builder().code(404)
        .setHeader("Content-Type", "application/json")
        .body("{\"error\":{\"message\":\"Unknown path " + path + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}")
        .build();
  }

  // ---- requests back to messages ----------------------------------------------------------------

  private static ModelRequest fromChat(JsonNode body) {
    List<Message> messages = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (JsonNode m : body.path("messages")) {
      switch (m.path("role").asString()) {
        case "system":
        case "developer":
          messages.add(new SystemMessage(text(m.path("content"))));
          break;
        case "user":
          messages.add(UserMessage.of(text(m.path("content"))));
          break;
        case "assistant":
          List<ToolCall> calls = new ArrayList<>();
          for (JsonNode c : m.path("tool_calls")) {
            calls.add(new ToolCall(c.path("id").asString(), c.path("function").path("name").asString(),
                c.path("function").path("arguments").asString()));
            names.put(c.path("id").asString(), c.path("function").path("name").asString());
          }
          messages.add(new AssistantMessage(m.path("content").asString(""), calls, List.of(), java.util.Optional.empty()));
          break;
        case "tool":
          String id = m.path("tool_call_id").asString();
          String content = m.path("content").asString();
          messages.add(new ToolResult(id, names.getOrDefault(id, ""), content, content.startsWith("Error")));
          break;
        default:
          throw new IllegalArgumentException("unknown role in " + m);
      }
    }
    List<ToolDefinition> tools = new ArrayList<>();
    for (JsonNode t : body.path("tools")) {
      JsonNode fn = t.path("function");
      tools.add(new ToolDefinition(fn.path("name").asString(), fn.path("description").asString(""),
          JSON.writeValueAsString(fn.path("parameters")), fn.path("strict").asBoolean(false)));
    }
    return new ModelRequest(body.path("model").asString(), messages, tools, ModelSettings.defaults());
  }

  private static ModelRequest fromResponses(JsonNode body) {
    List<Message> messages = new ArrayList<>();
    if (body.has("instructions")) {
      messages.add(new SystemMessage(body.path("instructions").asString()));
    }
    Map<String, String> names = new HashMap<>();
    List<ToolCall> pending = new ArrayList<>();
    for (JsonNode item : body.path("input")) {
      String type = item.path("type").asString("message");
      if (!type.equals("function_call") && !pending.isEmpty()) {
        messages.add(AssistantMessage.ofToolCalls(pending));
        pending = new ArrayList<>();
      }
      switch (type) {
        case "message":
          if (item.path("role").asString().equals("user")) {
            messages.add(UserMessage.of(text(item.path("content"))));
          } else {
            messages.add(AssistantMessage.ofText(text(item.path("content"))));
          }
          break;
        case "function_call":
          pending.add(new ToolCall(item.path("call_id").asString(), item.path("name").asString(),
              item.path("arguments").asString()));
          names.put(item.path("call_id").asString(), item.path("name").asString());
          break;
        case "function_call_output":
          String id = item.path("call_id").asString();
          String output = item.path("output").asString();
          messages.add(new ToolResult(id, names.getOrDefault(id, ""), output, output.startsWith("Error")));
          break;
        default:
          break; // reasoning items: nothing to decide on
      }
    }
    if (!pending.isEmpty()) {
      messages.add(AssistantMessage.ofToolCalls(pending));
    }
    List<ToolDefinition> tools = new ArrayList<>();
    for (JsonNode t : body.path("tools")) {
      tools.add(new ToolDefinition(t.path("name").asString(), t.path("description").asString(""),
          JSON.writeValueAsString(t.path("parameters")), t.path("strict").asBoolean(false)));
    }
    return new ModelRequest(body.path("model").asString(), messages, tools, ModelSettings.defaults());
  }

  private static String text(JsonNode content) {
    if (content.isString()) {
      return content.asString();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      text.append(part.path("text").asString(""));
    }
    return text.toString();
  }

  // ---- Chat Completions -------------------------------------------------------------------------

  private ObjectNode chatJson(JsonNode request, Turn turn) {
    AssistantMessage m = turn.response().message();
    ObjectNode root = JSON.createObjectNode()
        .put("id", "chatcmpl-standin" + ids.incrementAndGet())
        .put("object", "chat.completion")
        .put("created", 1765552661)
        .put("model", request.path("model").asString());
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    if (m.text().isEmpty()) {
      message.putNull("content");
    } else {
      message.put("content", m.text());
    }
    if (!m.reasoning().isEmpty()) {
      message.put("reasoning_content", m.reasoning().get(0).text());
    }
    if (m.hasToolCalls()) {
      ArrayNode calls = message.putArray("tool_calls");
      for (ToolCall c : m.toolCalls()) {
        ObjectNode call = calls.addObject().put("id", c.id()).put("type", "function");
        call.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
      }
    }
    choice.put("finish_reason", m.hasToolCalls() ? "tool_calls" : "stop");
    root.set("usage", chatUsage());
    return root;
  }

  private List<String> chatStream(JsonNode request, Turn turn) {
    AssistantMessage m = turn.response().message();
    String id = "chatcmpl-standin" + ids.incrementAndGet();
    List<String> events = new ArrayList<>();
    events.add(chunk(id, request, JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
    if (!m.reasoning().isEmpty()) {
      events.add(chunk(id, request, JSON.createObjectNode().put("reasoning_content", m.reasoning().get(0).text()), null));
    }
    for (String piece : pieces(m.text())) {
      events.add(chunk(id, request, JSON.createObjectNode().put("content", piece), null));
    }
    for (int i = 0; i < m.toolCalls().size(); i++) {
      ToolCall c = m.toolCalls().get(i);
      ObjectNode first = JSON.createObjectNode();
      ObjectNode call = first.putArray("tool_calls").addObject().put("index", i).put("id", c.id()).put("type", "function");
      call.putObject("function").put("name", c.name()).put("arguments", "");
      events.add(chunk(id, request, first, null));
      for (String piece : pieces(c.argumentsJson())) {
        ObjectNode more = JSON.createObjectNode();
        more.putArray("tool_calls").addObject().put("index", i).putObject("function").put("arguments", piece);
        events.add(chunk(id, request, more, null));
      }
    }
    events.add(chunk(id, request, JSON.createObjectNode(), m.hasToolCalls() ? "tool_calls" : "stop"));
    ObjectNode usage = JSON.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
        .put("created", 1765552661).put("model", request.path("model").asString());
    usage.putArray("choices");
    usage.set("usage", chatUsage());
    events.add("data: " + JSON.writeValueAsString(usage) + "\n\n");
    events.add("data: [DONE]\n\n");
    return events;
  }

  private static String chunk(String id, JsonNode request, ObjectNode delta, String finishReason) {
    ObjectNode root = JSON.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
        .put("created", 1765552661).put("model", request.path("model").asString());
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return "data: " + JSON.writeValueAsString(root) + "\n\n";
  }

  private static ObjectNode chatUsage() {
    ObjectNode usage = JSON.createObjectNode().put("prompt_tokens", 150).put("completion_tokens", 40).put("total_tokens", 190);
    usage.putObject("prompt_tokens_details").put("cached_tokens", 50);
    usage.putObject("completion_tokens_details").put("reasoning_tokens", 10);
    return usage;
  }

  // ---- Responses --------------------------------------------------------------------------------

  private ObjectNode responsesJson(JsonNode request, Turn turn) {
    ObjectNode root = responseObject(request, "resp_standin" + ids.incrementAndGet(), "completed");
    ArrayNode output = root.putArray("output");
    outputItems(turn).forEach(output::add);
    root.set("usage", responsesUsage());
    return root;
  }

  private List<String> responsesStream(JsonNode request, Turn turn) {
    String id = "resp_standin" + ids.incrementAndGet();
    List<String> events = new ArrayList<>();
    AtomicInteger seq = new AtomicInteger();
    ObjectNode created = JSON.createObjectNode().put("type", "response.created");
    created.set("response", responseObject(request, id, "in_progress"));
    events.add(event(created, seq));
    List<ObjectNode> items = outputItems(turn);
    for (int index = 0; index < items.size(); index++) {
      ObjectNode item = items.get(index);
      ObjectNode added = JSON.createObjectNode().put("type", "response.output_item.added").put("output_index", index);
      ObjectNode inProgress = item.deepCopy().put("status", "in_progress");
      if (item.path("type").asString().equals("function_call")) {
        inProgress.put("arguments", "");
        added.set("item", inProgress);
        events.add(event(added, seq));
        for (String piece : pieces(item.path("arguments").asString())) {
          events.add(event(JSON.createObjectNode().put("type", "response.function_call_arguments.delta")
              .put("item_id", item.path("id").asString()).put("output_index", index).put("delta", piece), seq));
        }
        events.add(event(JSON.createObjectNode().put("type", "response.function_call_arguments.done")
            .put("item_id", item.path("id").asString()).put("output_index", index)
            .put("arguments", item.path("arguments").asString()), seq));
      } else {
        inProgress.putArray("content");
        added.set("item", inProgress);
        events.add(event(added, seq));
        for (String piece : pieces(item.path("content").path(0).path("text").asString())) {
          events.add(event(JSON.createObjectNode().put("type", "response.output_text.delta")
              .put("item_id", item.path("id").asString()).put("output_index", index).put("content_index", 0)
              .put("delta", piece), seq));
        }
      }
      ObjectNode done = JSON.createObjectNode().put("type", "response.output_item.done").put("output_index", index);
      done.set("item", item);
      events.add(event(done, seq));
    }
    ObjectNode completed = JSON.createObjectNode().put("type", "response.completed");
    ObjectNode response = responseObject(request, id, "completed");
    ArrayNode output = response.putArray("output");
    items.forEach(output::add);
    response.set("usage", responsesUsage());
    completed.set("response", response);
    events.add(event(completed, seq));
    return events;
  }

  private static String event(ObjectNode event, AtomicInteger seq) {
    event.put("sequence_number", seq.getAndIncrement());
    return "event: " + event.path("type").asString() + "\ndata: " + JSON.writeValueAsString(event) + "\n\n";
  }

  private List<ObjectNode> outputItems(Turn turn) {
    AssistantMessage m = turn.response().message();
    List<ObjectNode> items = new ArrayList<>();
    if (!m.text().isEmpty()) {
      ObjectNode message = JSON.createObjectNode().put("type", "message").put("id", "msg_standin" + ids.incrementAndGet())
          .put("status", "completed").put("role", "assistant");
      message.putArray("content").addObject().put("type", "output_text").put("text", m.text()).putArray("annotations");
      items.add(message);
    }
    for (ToolCall c : m.toolCalls()) {
      items.add(JSON.createObjectNode().put("type", "function_call").put("id", "fc_standin" + ids.incrementAndGet())
          .put("call_id", c.id()).put("name", c.name()).put("arguments", c.argumentsJson()).put("status", "completed"));
    }
    return items;
  }

  private static ObjectNode responseObject(JsonNode request, String id, String status) {
    ObjectNode response = JSON.createObjectNode().put("id", id).put("object", "response").put("created_at", 1765552661)
        .put("status", status).put("model", request.path("model").asString());
    response.putNull("error");
    response.putNull("incomplete_details");
    if (!status.equals("completed")) {
      response.putArray("output");
    }
    return response;
  }

  private static ObjectNode responsesUsage() {
    ObjectNode usage = JSON.createObjectNode().put("input_tokens", 150).put("output_tokens", 40).put("total_tokens", 190);
    usage.putObject("input_tokens_details").put("cached_tokens", 50);
    usage.putObject("output_tokens_details").put("reasoning_tokens", 10);
    return usage;
  }

  // ---- plumbing -----------------------------------------------------------------------------------

  /** Text cut in a few pieces, as a real stream delivers it. */
  private static List<String> pieces(String text) {
    List<String> pieces = new ArrayList<>();
    int size = Math.max(1, text.length() / 3);
    for (int i = 0; i < text.length(); i += size) {
      pieces.add(text.substring(i, Math.min(text.length(), i + size)));
    }
    return pieces;
  }

  private static MockResponse json(ObjectNode body) {
    return new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json")
        .setHeader("x-request-id", "req_standin")
        .body(JSON.writeValueAsString(body))
        .build();
  }

  private static MockResponse sse(List<String> events) {
    return new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "text/event-stream")
        .setHeader("x-request-id", "req_standin")
        .body(String.join("", events))
        .build();
  }
}
