package dev.conduit.agent.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * A scripted OpenAI-compatible server on 127.0.0.1: {@code POST /v1/chat/completions} and {@code POST
 * /v1/responses}, each plain or {@code "stream": true}. A request without tool results gets three
 * parallel {@code currentWeather} calls; a request carrying the three results gets {@link
 * Fixture#ANSWER}. Header {@code X-Bench-Latency-Ms} delays the answer, like a model thinking.
 *
 * <p>It runs in its own JVM ({@link #main}) so that its CPU and allocations are not counted as the
 * client's. Every answer is a precomputed byte array and a request is read with one substring search,
 * so the server stays light on the shared cores. It prints {@code PORT <n>} once it listens, and stops
 * when its standard input closes.
 *
 * <pre>{@code
 * java -cp benchmarks.jar -Dsun.net.httpserver.nodelay=true dev.conduit.agent.bench.StandIn
 * }</pre>
 */
public final class StandIn {
  private static final String[][] CALLS = {{"call_1", "Tokyo"}, {"call_2", "Paris"}, {"call_3", "Oslo"}};
  private static final String CHAT_USAGE = "{\"prompt_tokens\":120,\"completion_tokens\":40,\"total_tokens\":160}";
  private static final String RESPONSES_USAGE = "{\"input_tokens\":120,\"input_tokens_details\":{\"cached_tokens\":0},"
      + "\"output_tokens\":40,\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":160}";
  /** The final answer, in the pieces a stream delivers it in. */
  static final String[] ANSWER_CHUNKS = {"Tokyo is sunny", ", Paris is cloudy", " and Oslo", " is snowing."};

  private static final byte[] CHAT_TOOLS = bytes(chatToolCalls());
  private static final byte[] CHAT_ANSWER = bytes(chatAnswer(Fixture.ANSWER));
  private static final byte[] CHAT_MISSING = bytes(chatAnswer(Fixture.MISSING));
  private static final byte[] CHAT_TOOLS_SSE = bytes(chatToolCallsStream());
  private static final byte[] CHAT_ANSWER_SSE = bytes(chatAnswerStream(ANSWER_CHUNKS));
  private static final byte[] CHAT_MISSING_SSE = bytes(chatAnswerStream(new String[] {Fixture.MISSING}));
  private static final byte[] RESP_TOOLS = bytes(response("resp_1", responsesToolItems()));
  private static final byte[] RESP_ANSWER = bytes(response("resp_2", List.of(responsesMessage(Fixture.ANSWER))));
  private static final byte[] RESP_MISSING = bytes(response("resp_2", List.of(responsesMessage(Fixture.MISSING))));
  private static final byte[] RESP_TOOLS_SSE = bytes(responsesToolCallsStream());
  private static final byte[] RESP_ANSWER_SSE = bytes(responsesAnswerStream(ANSWER_CHUNKS, Fixture.ANSWER));
  private static final byte[] RESP_MISSING_SSE = bytes(responsesAnswerStream(new String[] {Fixture.MISSING}, Fixture.MISSING));

  private StandIn() {}

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    ExecutorService executor = handlerThreads();
    server.setExecutor(executor);
    server.createContext("/v1/chat/completions", exchange -> answer(exchange, true));
    server.createContext("/v1/responses", exchange -> answer(exchange, false));
    server.start();
    System.out.println("PORT " + server.getAddress().getPort());
    System.out.flush();
    // The parent holds our stdin; when it exits or closes it, so do we.
    while (System.in.read() >= 0) {
      // nothing to read
    }
    server.stop(0);
    executor.shutdownNow();
    System.exit(0);
  }

  /** Virtual threads where the JVM has them: a delayed answer then costs no platform thread. */
  private static ExecutorService handlerThreads() {
    try {
      return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      ThreadFactory daemons = r -> {
        Thread t = new Thread(r, "stand-in");
        t.setDaemon(true);
        return t;
      };
      return Executors.newCachedThreadPool(daemons);
    }
  }

  private static void answer(HttpExchange exchange, boolean chat) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String latency = exchange.getRequestHeaders().getFirst(Fixture.LATENCY_HEADER);
      if (latency != null && !latency.equals("0")) {
        try {
          Thread.sleep(Long.parseLong(latency));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      boolean stream = body.contains("\"stream\":true");
      boolean results = body.contains(chat ? "\"role\":\"tool\"" : "\"function_call_output\"");
      boolean complete = body.contains("sunny") && body.contains("cloudy") && body.contains("snowing");
      byte[] out;
      if (chat) {
        out = !results ? (stream ? CHAT_TOOLS_SSE : CHAT_TOOLS)
            : complete ? (stream ? CHAT_ANSWER_SSE : CHAT_ANSWER)
            : (stream ? CHAT_MISSING_SSE : CHAT_MISSING);
      } else {
        out = !results ? (stream ? RESP_TOOLS_SSE : RESP_TOOLS)
            : complete ? (stream ? RESP_ANSWER_SSE : RESP_ANSWER)
            : (stream ? RESP_MISSING_SSE : RESP_MISSING);
      }
      exchange.getResponseHeaders().set("Content-Type", stream ? "text/event-stream" : "application/json");
      exchange.getResponseHeaders().set("x-request-id", "req_bench");
      exchange.sendResponseHeaders(200, out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    }
  }

  // --- Chat Completions -------------------------------------------------------------------------

  private static String chatToolCalls() {
    List<String> calls = new ArrayList<>();
    for (String[] c : CALLS) {
      calls.add("{\"id\":\"" + c[0] + "\",\"type\":\"function\",\"function\":{\"name\":\"" + Fixture.TOOL_NAME
          + "\",\"arguments\":\"{\\\"city\\\":\\\"" + c[1] + "\\\"}\"}}");
    }
    return chatCompletion("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + String.join(",", calls) + "]}",
        "tool_calls");
  }

  private static String chatAnswer(String text) {
    return chatCompletion("{\"role\":\"assistant\",\"content\":\"" + text + "\"}", "stop");
  }

  private static String chatCompletion(String message, String finish) {
    return "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1767225600,\"model\":\""
        + Fixture.MODEL + "\",\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\"" + finish
        + "\"}],\"usage\":" + CHAT_USAGE + "}";
  }

  private static String chatToolCallsStream() {
    StringBuilder sse = new StringBuilder();
    sse.append(chatChunk("{\"role\":\"assistant\",\"content\":null}", null));
    for (int i = 0; i < CALLS.length; i++) {
      sse.append(chatChunk("{\"tool_calls\":[{\"index\":" + i + ",\"id\":\"" + CALLS[i][0] + "\",\"type\":\"function\","
          + "\"function\":{\"name\":\"" + Fixture.TOOL_NAME + "\",\"arguments\":\"\"}}]}", null));
      sse.append(chatChunk("{\"tool_calls\":[{\"index\":" + i + ",\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}", null));
      sse.append(chatChunk("{\"tool_calls\":[{\"index\":" + i + ",\"function\":{\"arguments\":\"\\\"" + CALLS[i][1]
          + "\\\"}\"}}]}", null));
    }
    sse.append(chatChunk("{}", "tool_calls"));
    return sse.append(chatUsageChunk()).append("data: [DONE]\n\n").toString();
  }

  private static String chatAnswerStream(String[] chunks) {
    StringBuilder sse = new StringBuilder();
    sse.append(chatChunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
    for (String chunk : chunks) {
      sse.append(chatChunk("{\"content\":\"" + chunk + "\"}", null));
    }
    sse.append(chatChunk("{}", "stop"));
    return sse.append(chatUsageChunk()).append("data: [DONE]\n\n").toString();
  }

  private static String chatChunk(String delta, String finish) {
    return "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,\"model\":\""
        + Fixture.MODEL + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
        + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
  }

  private static String chatUsageChunk() {
    return "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,\"model\":\""
        + Fixture.MODEL + "\",\"choices\":[],\"usage\":" + CHAT_USAGE + "}\n\n";
  }

  // --- Responses --------------------------------------------------------------------------------

  private static List<String> responsesToolItems() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < CALLS.length; i++) {
      items.add(functionCall(i, "{\\\"city\\\":\\\"" + CALLS[i][1] + "\\\"}", "completed"));
    }
    return items;
  }

  private static String functionCall(int i, String arguments, String status) {
    return "{\"type\":\"function_call\",\"id\":\"fc_" + (i + 1) + "\",\"call_id\":\"" + CALLS[i][0] + "\",\"name\":\""
        + Fixture.TOOL_NAME + "\",\"arguments\":\"" + arguments + "\",\"status\":\"" + status + "\"}";
  }

  private static String responsesMessage(String text) {
    return "{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":["
        + "{\"type\":\"output_text\",\"text\":\"" + text + "\",\"annotations\":[]}]}";
  }

  private static String response(String id, List<String> output) {
    return "{\"id\":\"" + id + "\",\"object\":\"response\",\"created_at\":1767225600,\"status\":\"completed\",\"model\":\""
        + Fixture.MODEL + "\",\"output\":[" + String.join(",", output) + "],\"usage\":" + RESPONSES_USAGE + "}";
  }

  private static String responsesToolCallsStream() {
    StringBuilder sse = new StringBuilder();
    sse.append(event("response.created", "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":"
        + inProgress("resp_1") + "}"));
    for (int i = 0; i < CALLS.length; i++) {
      String item = functionCall(i, "", "in_progress");
      sse.append(event("response.output_item.added", "{\"type\":\"response.output_item.added\",\"output_index\":" + i
          + ",\"item\":" + item + "}"));
      sse.append(event("response.function_call_arguments.delta", "{\"type\":\"response.function_call_arguments.delta\","
          + "\"item_id\":\"fc_" + (i + 1) + "\",\"output_index\":" + i + ",\"delta\":\"{\\\"city\\\":\\\"" + CALLS[i][1]
          + "\\\"}\"}"));
      sse.append(event("response.output_item.done", "{\"type\":\"response.output_item.done\",\"output_index\":" + i
          + ",\"item\":" + functionCall(i, "{\\\"city\\\":\\\"" + CALLS[i][1] + "\\\"}", "completed") + "}"));
    }
    sse.append(event("response.completed", "{\"type\":\"response.completed\",\"response\":"
        + response("resp_1", responsesToolItems()) + "}"));
    return sse.toString();
  }

  private static String responsesAnswerStream(String[] chunks, String text) {
    StringBuilder sse = new StringBuilder();
    sse.append(event("response.created", "{\"type\":\"response.created\",\"response\":" + inProgress("resp_2") + "}"));
    sse.append(event("response.output_item.added", "{\"type\":\"response.output_item.added\",\"output_index\":0,"
        + "\"item\":{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}}"));
    for (String chunk : chunks) {
      sse.append(event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\","
          + "\"output_index\":0,\"content_index\":0,\"delta\":\"" + chunk + "\"}"));
    }
    sse.append(event("response.output_item.done", "{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":"
        + responsesMessage(text) + "}"));
    sse.append(event("response.completed", "{\"type\":\"response.completed\",\"response\":"
        + response("resp_2", List.of(responsesMessage(text))) + "}"));
    return sse.toString();
  }

  private static String inProgress(String id) {
    return "{\"id\":\"" + id + "\",\"object\":\"response\",\"created_at\":1767225600,\"status\":\"in_progress\",\"model\":\""
        + Fixture.MODEL + "\",\"output\":[]}";
  }

  private static String event(String type, String data) {
    return "event: " + type + "\ndata: " + data + "\n\n";
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
