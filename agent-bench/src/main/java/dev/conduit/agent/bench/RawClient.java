package dev.conduit.agent.bench;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The raw baseline, not streamed: the least work any client must do. OkHttp's synchronous call on the
 * calling thread, a Jackson tree for the request and the response, and a hand-written loop that calls
 * {@link WeatherTools#currentWeather} directly, one call after the other on the calling thread (the
 * tool is instant, so a thread hop would only cost). Sends the same messages and tool schema as Conduit.
 */
final class RawClient implements BenchClient {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final MediaType JSON = MediaType.get("application/json");

  private final String name;
  private final OkHttpClient http;
  private final HttpUrl url;
  private final boolean chat;
  private final String latencyMs;
  private final WeatherTools tools = new WeatherTools();
  private final JsonNode toolsNode;

  RawClient(String name, OkHttpClient http, HttpUrl baseUrl, boolean chat, int latencyMs) {
    this.name = name;
    this.http = http;
    this.url = baseUrl.newBuilder().addPathSegments(chat ? "chat/completions" : "responses").build();
    this.chat = chat;
    this.latencyMs = Integer.toString(latencyMs);
    this.toolsNode = toolsNode(chat);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String run() throws IOException {
    return chat ? runChat() : runResponses();
  }

  private String runChat() throws IOException {
    ObjectNode body = MAPPER.createObjectNode().put("model", Fixture.MODEL);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", Fixture.INSTRUCTIONS);
    messages.addObject().put("role", "user").put("content", Fixture.QUESTION);
    body.set("tools", toolsNode);
    for (int turn = 1; turn <= 10; turn++) {
      JsonNode message = post(body).path("choices").path(0).path("message");
      JsonNode calls = message.path("tool_calls");
      if (!calls.isArray() || calls.isEmpty()) {
        return message.path("content").asString();
      }
      messages.add(message);
      for (JsonNode call : calls) {
        JsonNode arguments = MAPPER.readTree(call.path("function").path("arguments").asString());
        WeatherTools.Weather weather = tools.currentWeather(arguments.path("city").asString());
        messages.addObject().put("role", "tool").put("tool_call_id", call.path("id").asString())
            .put("content", MAPPER.writeValueAsString(weather));
      }
    }
    throw new IllegalStateException("no final answer after 10 turns");
  }

  private String runResponses() throws IOException {
    ObjectNode body = MAPPER.createObjectNode().put("model", Fixture.MODEL).put("instructions", Fixture.INSTRUCTIONS);
    ArrayNode input = body.putArray("input");
    input.addObject().put("role", "user").put("content", Fixture.QUESTION);
    body.set("tools", toolsNode);
    for (int turn = 1; turn <= 10; turn++) {
      JsonNode output = post(body).path("output");
      StringBuilder text = new StringBuilder();
      boolean called = false;
      for (JsonNode item : output) {
        String type = item.path("type").asString();
        if (type.equals("function_call")) {
          called = true;
          input.add(item);
          JsonNode arguments = MAPPER.readTree(item.path("arguments").asString());
          WeatherTools.Weather weather = tools.currentWeather(arguments.path("city").asString());
          input.addObject().put("type", "function_call_output").put("call_id", item.path("call_id").asString())
              .put("output", MAPPER.writeValueAsString(weather));
        } else if (type.equals("message")) {
          for (JsonNode part : item.path("content")) {
            text.append(part.path("text").asString());
          }
        }
      }
      if (!called) {
        return text.toString();
      }
    }
    throw new IllegalStateException("no final answer after 10 turns");
  }

  private JsonNode post(ObjectNode body) throws IOException {
    Request request = new Request.Builder().url(url)
        .header("Authorization", "Bearer " + Fixture.API_KEY)
        .header(Fixture.LATENCY_HEADER, latencyMs)
        .post(RequestBody.create(MAPPER.writeValueAsBytes(body), JSON))
        .build();
    try (Response response = http.newCall(request).execute()) {
      return read(response);
    }
  }

  private JsonNode read(Response response) throws IOException {
    if (!response.isSuccessful()) {
      throw new IOException("HTTP " + response.code() + " from " + url);
    }
    return MAPPER.readTree(response.body().byteStream());
  }

  /** The tools array, built once: Chat Completions nests the function, Responses does not. */
  static JsonNode toolsNode(boolean chat) {
    ObjectNode function = MAPPER.createObjectNode();
    if (!chat) {
      function.put("type", "function");
    }
    function.put("name", Fixture.TOOL_NAME).put("description", Fixture.TOOL_DESCRIPTION);
    function.set("parameters", MAPPER.readTree(Fixture.TOOL_SCHEMA));
    function.put("strict", true);
    ArrayNode tools = MAPPER.createArrayNode();
    if (chat) {
      tools.addObject().put("type", "function").set("function", function);
    } else {
      tools.add(function);
    }
    return tools;
  }
}
