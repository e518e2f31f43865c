package dev.conduit.agent.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The raw streaming baseline on Chat Completions: OkHttp's synchronous call, okhttp-sse's parser on
 * the calling thread, a Jackson tree per event, tool-call pieces joined by index, the tool called
 * directly. Not thread-safe in its timing list: run it from one thread.
 */
final class RawStreamClient implements BenchClient {
  private final OkHttpClient http;
  private final HttpUrl url;
  private final String latencyMs;
  private final WeatherTools tools = new WeatherTools();
  private final JsonNode toolsNode = RawClient.toolsNode(true);
  private final List<Long> firstText = new ArrayList<>();

  RawStreamClient(OkHttpClient http, HttpUrl baseUrl, int latencyMs) {
    this.http = http;
    this.url = baseUrl.newBuilder().addPathSegments("chat/completions").build();
    this.latencyMs = Integer.toString(latencyMs);
  }

  @Override
  public String name() {
    return "raw-sse";
  }

  @Override
  public List<Long> firstTextNanos() {
    return firstText;
  }

  private static final class Call {
    String id = "";
    String name = "";
    final StringBuilder arguments = new StringBuilder();
  }

  /** One streamed turn, assembled. */
  private final class Turn extends EventSourceListener {
    final StringBuilder text = new StringBuilder();
    final Map<Integer, Call> calls = new TreeMap<>();
    boolean done;

    @Override
    public void onEvent(EventSource source, @Nullable String id, @Nullable String type, String data) {
      if (data.equals("[DONE]")) {
        done = true;
        return;
      }
      JsonNode delta = RawClient.MAPPER.readTree(data).path("choices").path(0).path("delta");
      String content = delta.path("content").asString("");
      if (!content.isEmpty()) {
        if (text.length() == 0) {
          firstText.add(System.nanoTime() - FirstByteClock.lastResponseStart());
        }
        text.append(content);
      }
      for (JsonNode piece : delta.path("tool_calls")) {
        Call call = calls.computeIfAbsent(piece.path("index").asInt(), i -> new Call());
        if (piece.has("id")) {
          call.id = piece.path("id").asString();
        }
        JsonNode function = piece.path("function");
        if (function.has("name")) {
          call.name = function.path("name").asString();
        }
        call.arguments.append(function.path("arguments").asString(""));
      }
    }
  }

  @Override
  public String run() throws IOException {
    ObjectNode body = RawClient.MAPPER.createObjectNode().put("model", Fixture.MODEL);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", Fixture.INSTRUCTIONS);
    messages.addObject().put("role", "user").put("content", Fixture.QUESTION);
    body.set("tools", toolsNode);
    body.put("stream", true);
    body.putObject("stream_options").put("include_usage", true);
    for (int turn = 1; turn <= 10; turn++) {
      Turn answer = post(body);
      if (!answer.done) {
        throw new IOException("the stream ended without [DONE]");
      }
      if (answer.calls.isEmpty()) {
        return answer.text.toString();
      }
      ObjectNode assistant = messages.addObject().put("role", "assistant");
      assistant.putNull("content");
      ArrayNode toolCalls = assistant.putArray("tool_calls");
      for (Call call : answer.calls.values()) {
        toolCalls.addObject().put("id", call.id).put("type", "function").putObject("function")
            .put("name", call.name).put("arguments", call.arguments.toString());
      }
      for (Call call : answer.calls.values()) {
        JsonNode arguments = RawClient.MAPPER.readTree(call.arguments.toString());
        WeatherTools.Weather weather = tools.currentWeather(arguments.path("city").asString());
        messages.addObject().put("role", "tool").put("tool_call_id", call.id)
            .put("content", RawClient.MAPPER.writeValueAsString(weather));
      }
    }
    throw new IllegalStateException("no final answer after 10 turns");
  }

  private Turn post(ObjectNode body) throws IOException {
    Request request = new Request.Builder().url(url)
        .header("Authorization", "Bearer " + Fixture.API_KEY)
        .header("Accept", "text/event-stream")
        .header(Fixture.LATENCY_HEADER, latencyMs)
        .post(RequestBody.create(RawClient.MAPPER.writeValueAsBytes(body), RawClient.JSON))
        .build();
    Turn turn = new Turn();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code() + " from " + url);
      }
      EventSources.processResponse(response, turn);
    }
    return turn;
  }
}
