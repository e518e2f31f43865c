package dev.conduit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The {@code serve} command end to end: the CLI starts the Guice-wired service on a random port. */
@Timeout(60)
class AskServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private MockWebServer openMeteo;
  private ModelStandIn model;
  private final Map<String, String> env = new HashMap<>();
  private Thread serving;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private URI url;

  @BeforeEach
  void standIns() {
    openMeteo = ToolStandIns.openMeteo();
    env.put("OPEN_METEO_FORECAST_URL", ToolStandIns.url(openMeteo) + "/v1/forecast");
    env.put("OPEN_METEO_GEOCODING_URL", ToolStandIns.url(openMeteo) + "/v1/search");
    model = new ModelStandIn(WeatherCommandTest.realModel(DemoModels::weatherTurn));
  }

  @AfterEach
  void stop() throws Exception {
    if (serving != null) {
      serving.interrupt();
      assertThat(exit.get()).isZero();
    }
    model.close();
    openMeteo.close();
  }

  /** Runs {@code serve --port 0 ...} on its own thread and waits for the line with the bound URL. */
  private void serve(String... options) throws Exception {
    CompletableFuture<URI> bound = new CompletableFuture<>();
    OutputStream lines = new OutputStream() {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public synchronized void write(int b) {
        if (b != '\n') {
          line.write(b);
          return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.startsWith("listening on ")) {
          bound.complete(URI.create(text.substring("listening on ".length()).split(" ")[0]));
        }
      }
    };
    List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
    args.addAll(List.of(options));
    PrintStream out = new PrintStream(lines, true, StandardCharsets.UTF_8);
    serving = new Thread(() -> exit.complete(ConduitCli.run(args.toArray(String[]::new), out, out, env)));
    serving.start();
    url = bound.get();
  }

  private void serveRealModel(String endpoint) throws Exception {
    env.put("OPENAI_API_KEY", ModelStandIn.KEY);
    env.put("OPENAI_BASE_URL", model.baseUrl());
    serve("--endpoint", endpoint, "--input-price", "0.265", "--output-price", "2.206");
  }

  private HttpResponse<String> post(String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve("/ask")).POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return ModelStandIn.JSON.readTree(response.body());
  }

  @ParameterizedTest(name = "--endpoint {0}")
  @ValueSource(strings = {"chat", "responses"})
  void askAnswersWithTheAnswerUsageCostAndTurns(String endpoint) throws Exception {
    serveRealModel(endpoint);

    HttpResponse<String> response = post("{\"question\": \"What's the weather in Tokyo?\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    JsonNode body = json(response);
    assertThat(body.path("answer").asString()).isEqualTo("Tokyo, Japan: Mainly clear, 18.2°C (feels like 17.0°C), "
        + "humidity 60%, wind 9.4 km/h. Today 12.1 to 20.3°C, 0.0 mm of precipitation.");
    assertThat(body.path("usage").toString()).isEqualTo("{\"input\":300,\"output\":80,\"cached\":100,\"reasoning\":20}");
    assertThat(body.path("cost").decimalValue()).isEqualByComparingTo("0.00025598");
    assertThat(body.path("turns").asInt()).isEqualTo(2);
  }

  @ParameterizedTest(name = "--endpoint {0}")
  @ValueSource(strings = {"chat", "responses"})
  void withAcceptEventStreamTheRunArrivesAsServerSentEvents(String endpoint) throws Exception {
    serveRealModel(endpoint);

    HttpResponse<String> response = post("{\"question\": \"What's the weather in Tokyo and Paris?\"}",
        "Accept", "text/event-stream");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
    List<String> names = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    JsonNode result = null;
    List<JsonNode> toolCalls = new ArrayList<>();
    for (String event : response.body().split("\n\n")) {
      String name = event.lines().filter(l -> l.startsWith("event: ")).findFirst().orElseThrow().substring(7);
      JsonNode data = ModelStandIn.JSON.readTree(event.lines().filter(l -> l.startsWith("data: ")).findFirst()
          .orElseThrow().substring(6));
      names.add(name);
      if (name.equals("text")) {
        text.append(data.path("text").asString());
      } else if (name.equals("tool_call")) {
        toolCalls.add(data);
      } else if (name.equals("result")) {
        result = data;
      }
    }
    assertThat(names.subList(0, 2)).containsOnly("tool_call");
    assertThat(names.get(names.size() - 1)).isEqualTo("result");
    assertThat(names.subList(2, names.size() - 1)).isNotEmpty().containsOnly("text");
    assertThat(toolCalls).extracting(c -> c.path("arguments").asString()).containsExactlyInAnyOrder(
        "{\"location\":\"Tokyo\",\"unit\":null}", "{\"location\":\"Paris\",\"unit\":null}");
    assertThat(toolCalls).allSatisfy(c -> {
      assertThat(c.path("name").asString()).isEqualTo("currentWeather");
      assertThat(c.path("error").isNull()).isTrue();
    });
    assertThat(result).isNotNull();
    assertThat(text.toString()).isEqualTo(result.path("answer").asString()).contains("Tokyo, Japan").contains("Paris, France");
    assertThat(result.path("turns").asInt()).isEqualTo(2);
  }

  @Test
  void oneAgentAnswersSixteenConcurrentRequests() throws Exception {
    serveRealModel("responses");
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch ready = new CountDownLatch(16);
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String city = i % 2 == 0 ? "Tokyo" : "Paris";
        boolean stream = i % 4 < 2;
        responses.add(clients.submit(() -> {
          ready.countDown();
          ready.await();
          return stream
              ? post("{\"question\": \"Weather in " + city + "?\"}", "Accept", "text/event-stream")
              : post("{\"question\": \"Weather in " + city + "?\"}");
        }));
      }
      AtomicInteger ok = new AtomicInteger();
      for (int i = 0; i < 16; i++) {
        HttpResponse<String> response = responses.get(i).get();
        String own = i % 2 == 0 ? "Tokyo, Japan" : "Paris, France";
        String other = i % 2 == 0 ? "Paris" : "Tokyo";
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(own).doesNotContain(other);
        ok.incrementAndGet();
      }
      assertThat(ok).hasValue(16);
      assertThat(model.requests()).hasSize(32); // two turns each, no request lost or shared
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void badJsonOrNoQuestionIsA400WithAClearMessage() throws Exception {
    serve();

    HttpResponse<String> notJson = post("{\"question\": ");
    HttpResponse<String> noQuestion = post("{\"q\": \"Weather in Tokyo?\"}");
    HttpResponse<String> blank = post("{\"question\": \"  \"}");
    HttpResponse<String> notText = post("{\"question\": 42}");

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(json(notJson).path("error").asString()).startsWith("the body is not valid JSON (")
        .endsWith("): send {\"question\": \"...\"} as JSON");
    assertThat(noQuestion.statusCode()).isEqualTo(400);
    assertThat(noQuestion.body()).isEqualTo("{\"error\":\"question is missing: send {\\\"question\\\": \\\"...\\\"} as JSON\"}");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(json(blank).path("error").asString()).isEqualTo("question is empty: send {\"question\": \"...\"} as JSON");
    assertThat(notText.statusCode()).isEqualTo(400);
    assertThat(json(notText).path("error").asString()).isEqualTo("question must be a string: send {\"question\": \"...\"} as JSON");
  }

  @Test
  void healthAnswersOkAndOtherMethodsAndPathsAreRefused() throws Exception {
    serve();

    HttpResponse<String> health = http.send(HttpRequest.newBuilder(url.resolve("/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> getAsk = http.send(HttpRequest.newBuilder(url.resolve("/ask")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(url.resolve("/nowhere")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(getAsk.statusCode()).isEqualTo(405);
    assertThat(getAsk.headers().firstValue("Allow")).hasValue("POST");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void withoutAKeyTheServiceRunsOnTheDemoModel() throws Exception {
    serve();

    JsonNode body = json(post("{\"question\": \"What's the weather in Paris?\"}"));

    assertThat(body.path("answer").asString()).startsWith("Paris, France: Slight rain, 11.5°C").endsWith(DemoModels.FOOTER);
    assertThat(body.path("cost").isNull()).isTrue();
  }

  @Test
  void aFailingModelIsA502WithTheFix() throws Exception {
    env.put("OPENAI_API_KEY", ModelStandIn.KEY);
    env.put("OPENAI_BASE_URL", model.baseUrl() + "/missing"); // the stand-in answers 404 there
    serve();

    HttpResponse<String> response = post("{\"question\": \"Weather in Tokyo?\"}");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(json(response).path("error").asString()).contains("404")
        .endsWith("Fix: check --model and --base-url; a gateway without the Responses API needs --endpoint chat.");
    assertThat(response.body()).doesNotContain(ModelStandIn.KEY);
  }
}
