package dev.conduit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every mistake is one line on the error stream with the fix, exit code 1, and never the key. */
@Timeout(60)
class CommandErrorsTest {
  private static final String CANARY = "sk-canary-7d1e0c";

  private static void assertOneLineError(Cli.Outcome run, String expected) {
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(expected + "\n");
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain(CANARY);
    assertThat(run.out()).doesNotContain(CANARY);
  }

  @Test
  void noCommandNamesTheCommands() {
    assertOneLineError(Cli.run(Map.of()),
        "error: Missing command: weather, search or serve. Run with --help for usage.");
  }

  @Test
  void noQuestionSaysWhatIsMissing() {
    assertOneLineError(Cli.run(Map.of(), "weather"),
        "error: Missing required parameter: 'QUESTION'. Run with --help for usage.");
  }

  @Test
  void anUnknownEndpointListsTheChoices() {
    Cli.Outcome run = Cli.run(Map.of(), "weather", "--endpoint", "completions", "Weather in Oslo?");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: Invalid value for option '--endpoint': expected one of [chat, responses]");
  }

  @Test
  void aBaseUrlWithoutSchemeNamesTheFix() {
    Cli.Outcome run = Cli.run(Map.of("OPENAI_API_KEY", CANARY), "weather", "--base-url", "api.example.com/v1", "Weather?");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: baseUrl").contains("api.example.com/v1").contains("http://");
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).doesNotContain(CANARY);
  }

  @Test
  void aRejectedKeyIsOneLineThatPointsAtTheKeyButNeverShowsIt() {
    MockWebServer server = ToolStandIns.start(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
            .body("{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\","
                + "\"param\":null,\"code\":\"invalid_api_key\"}}")
            .build();
      }
    });
    try (server) {
      Cli.Outcome run = Cli.run(Map.of("OPENAI_BASE_URL", ToolStandIns.url(server) + "/v1"),
          "weather", "--api-key", CANARY, "Weather in Oslo?");

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err()).startsWith("error: ").contains("401")
          .endsWith(" Fix: check the API key (OPENAI_API_KEY or --api-key).\n");
      assertThat(run.err().lines()).hasSize(1);
      assertThat(run.err() + run.out()).doesNotContain(CANARY);
    }
  }

  @Test
  void anUnreachableModelNamesTheBaseUrlToCheck() {
    MockWebServer gone = ToolStandIns.start(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(500).build();
      }
    });
    String url = ToolStandIns.url(gone) + "/v1";
    gone.close();

    Cli.Outcome run = Cli.run(Map.of("OPENAI_API_KEY", CANARY, "OPENAI_BASE_URL", url), "weather", "Weather in Oslo?");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).endsWith(" Fix: check --base-url (or OPENAI_BASE_URL) and your network connection.\n");
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).doesNotContain(CANARY);
  }

  @Test
  void anOutputPriceWithoutAnInputPriceAsksForBoth() {
    assertOneLineError(Cli.run(Map.of(), "weather", "--output-price", "2.206", "Weather in Oslo?"),
        "error: give both --input-price and --output-price (US dollars per 1M tokens), e.g. --input-price 0.265 "
            + "--output-price 2.206");
  }

  @Test
  void zeroMaxTurnsIsRefused() {
    assertOneLineError(Cli.run(Map.of(), "weather", "--max-turns", "0", "Weather in Oslo?"),
        "error: --max-turns must be at least 1, got 0");
  }

  @Test
  void aPortInUseNamesTheOptionToChange() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Cli.Outcome run = Cli.run(Map.of(), "serve", "--port", String.valueOf(taken.getLocalPort()));

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err()).startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .endsWith("pick another --port, or 0 for any free port\n");
    }
  }

  @Test
  void helpListsTheOptionsButNotTheTestOnlyOne() {
    Cli.Outcome run = Cli.run(Map.of(), "search", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("--endpoint", "--model", "--base-url", "--fallback-base-url", "--api-key", "--stream",
        "--max-turns", "--input-price", "--output-price", "--cached-input-price", "default: gpt-5.1")
        .doesNotContain("test-only");
  }
}
