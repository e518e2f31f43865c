package dev.conduit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.model.ModelRequest;
import dev.conduit.agent.testing.ScriptedModel.Turn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

@Timeout(60)
class WeatherCommandTest {
  static final String QUESTION = "What's the weather in Tokyo and Paris?";

  private MockWebServer openMeteo;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void standIns() {
    openMeteo = ToolStandIns.openMeteo();
    env.put("OPEN_METEO_FORECAST_URL", ToolStandIns.url(openMeteo) + "/v1/forecast");
    env.put("OPEN_METEO_GEOCODING_URL", ToolStandIns.url(openMeteo) + "/v1/search");
  }

  @AfterEach
  void stop() {
    openMeteo.close();
  }

  /** A model that decides like the demo model but writes its own answer (no demo footer). */
  static Function<ModelRequest, Turn> realModel(Function<ModelRequest, Turn> demo) {
    return request -> {
      Turn turn = demo.apply(request);
      String text = turn.response().message().text();
      return text.contains(DemoModels.FOOTER) ? Turn.text(text.replace("\n" + DemoModels.FOOTER, "")) : turn;
    };
  }

  @Test
  void withoutAKeyTheDemoModelDrivesTheRealToolsInParallelAndAnswersFromTheirResults() {
    Cli.Outcome run = Cli.run(env, "weather", QUESTION);

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.outWithoutTimings().lines().toList();
    assertThat(lines.get(0)).isEqualTo("demo model: set OPENAI_API_KEY (and OPENAI_BASE_URL) to use a real model");
    // Both calls of the turn run at once, so their lines come in either order.
    assertThat(lines.subList(1, 3)).containsExactlyInAnyOrder(
        "> currentWeather {\"location\":\"Tokyo\",\"unit\":null} (N ms)",
        "> currentWeather {\"location\":\"Paris\",\"unit\":null} (N ms)");
    assertThat(String.join("\n", lines.subList(3, lines.size())) + "\n").isEqualTo(Golden.read("weather-demo.txt"));
  }

  @Test
  void demoAnswerSaysHonestlyThatTheWeatherToolCouldNotReachOpenMeteo() {
    MockWebServer gone = ToolStandIns.start(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
        return new MockResponse.Builder().code(500).build();
      }
    });
    String unreachable = ToolStandIns.url(gone);
    gone.close(); // nothing listens there any more, as for a machine without internet
    env.put("OPEN_METEO_FORECAST_URL", unreachable + "/v1/forecast");
    env.put("OPEN_METEO_GEOCODING_URL", unreachable + "/v1/search");

    Cli.Outcome run = Cli.run(env, "weather", QUESTION);

    assertThat(run.exit()).isZero();
    List<String> lines = run.outWithoutTimings().lines().toList();
    assertThat(lines.subList(1, 3)).containsExactlyInAnyOrder(
        "> currentWeather {\"location\":\"Tokyo\",\"unit\":null} (N ms) failed: Open-Meteo could not be reached. "
            + "Try again later or answer without it.",
        "> currentWeather {\"location\":\"Paris\",\"unit\":null} (N ms) failed: Open-Meteo could not be reached. "
            + "Try again later or answer without it.");
    assertThat(String.join("\n", lines.subList(3, lines.size())) + "\n").isEqualTo(Golden.read("weather-demo-offline.txt"));
  }

  @Test
  void askingForTheLocalTimeMakesASecondRoundOfCallsWithTheZoneFromTheWeatherResult() {
    Cli.Outcome run = Cli.run(env, "weather", "What's the weather and local time in Tokyo?");

    assertThat(run.exit()).isZero();
    assertThat(run.outWithoutTimings()).contains(
        "> currentWeather {\"location\":\"Tokyo\",\"unit\":null} (N ms)\n",
        "> currentTime {\"zone\":\"Asia/Tokyo\"} (N ms)\n");
    assertThat(run.out()).containsPattern("Local time in Asia/Tokyo: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d \\(\\w+day\\)\\.");
    assertThat(run.out()).contains("3 turns | tokens: 300 input, 60 output, 0 cached, 0 reasoning | cost unknown");
  }

  @ParameterizedTest(name = "--endpoint {0}, --stream {1}")
  @CsvSource({"chat, false", "chat, true", "responses, false", "responses, true"})
  void withAKeyTheCommandRunsOnTheModelAtOpenAiBaseUrl(String endpoint, boolean stream) {
    try (ModelStandIn model = new ModelStandIn(realModel(DemoModels::weatherTurn))) {
      env.put("OPENAI_API_KEY", ModelStandIn.KEY);
      env.put("OPENAI_BASE_URL", model.baseUrl());
      List<String> args = new java.util.ArrayList<>(List.of("weather", "--endpoint", endpoint,
          "--input-price", "0.265", "--output-price", "2.206", "--cached-input-price", "0.1"));
      if (stream) {
        args.add("--stream");
      }
      args.add(QUESTION);

      Cli.Outcome run = Cli.run(env, args.toArray(String[]::new));

      assertThat(run.err()).isEmpty();
      assertThat(run.exit()).isZero();
      List<String> lines = run.outWithoutTimings().lines().toList();
      assertThat(lines.subList(0, 2)).containsExactlyInAnyOrder(
          "> currentWeather {\"location\":\"Tokyo\",\"unit\":null} (N ms)",
          "> currentWeather {\"location\":\"Paris\",\"unit\":null} (N ms)");
      assertThat(String.join("\n", lines.subList(2, lines.size())) + "\n").isEqualTo(Golden.read("weather-real.txt"));
      assertThat(run.out()).doesNotContain(ModelStandIn.KEY).doesNotContain("demo model");

      List<JsonNode> requests = model.requests();
      assertThat(requests).hasSize(2);
      assertThat(requests).allSatisfy(r -> {
        assertThat(r.path("model").asString()).isEqualTo("gpt-5.1");
        assertThat(r.path("stream").asBoolean(false)).isEqualTo(stream);
      });
      assertThat(model.authorizations()).containsOnly("Bearer " + ModelStandIn.KEY);
      String second = requests.get(1).toString();
      assertThat(second).contains(endpoint.equals("chat") ? "\"role\":\"tool\"" : "\"type\":\"function_call_output\"")
          .contains("Mainly clear").contains("Asia/Tokyo").contains("Europe/Paris");
    }
  }

  @Test
  void maxTurnsEndsTheRunWithOneLineNamingTheOption() {
    Cli.Outcome run = Cli.run(env, "weather", "--max-turns", "1", QUESTION);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: ").endsWith("Fix: raise --max-turns, or ask a narrower question.\n");
    assertThat(run.err().lines()).hasSize(1);
  }
}
