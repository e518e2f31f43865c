package dev.conduit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class SearchCommandTest {
  static final String QUESTION = "When was JDK 21 released, and what is 17 * 23?";

  private MockWebServer pages;
  private MockWebServer searxng;
  private String pageUrl;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void standIns() {
    pages = ToolStandIns.pages();
    pageUrl = ToolStandIns.url(pages) + "/jdk21";
    searxng = ToolStandIns.searxng(pageUrl);
    env.put("CONDUIT_SEARCH_PROVIDER", "searxng");
    env.put("SEARXNG_URL", ToolStandIns.url(searxng));
  }

  @AfterEach
  void stop() {
    pages.close();
    searxng.close();
  }

  /** The fetch tool refuses loopback unless the hidden test-only option allows the page stand-in. */
  private String allowPages() {
    return "--test-only-allow-fetch-from=127.0.0.1:" + pages.getPort();
  }

  @Test
  void withoutAKeyTheDemoModelSearchesCalculatesThenReadsTheTopPage() {
    Cli.Outcome run = Cli.run(env, "search", allowPages(), QUESTION);

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    List<String> lines = run.outWithoutTimings().lines().toList();
    assertThat(lines.get(0)).isEqualTo(ModelSetup.DEMO_NOTICE);
    assertThat(lines.subList(1, 3)).containsExactlyInAnyOrder(
        "> search {\"query\":\"" + QUESTION + "\",\"maxResults\":3} (N ms)",
        "> calculate {\"expression\":\"17 * 23\"} (N ms)");
    assertThat(lines.get(3)).isEqualTo("> fetchPage {\"url\":\"" + pageUrl + "\"} (N ms)");
    String answer = String.join("\n", lines.subList(4, lines.size())) + "\n";
    assertThat(answer).isEqualTo(Golden.read("search-demo.txt").replace("PAGE_URL", pageUrl));
  }

  @Test
  void theFetchToolStillRefusesLoopbackWithoutTheTestOnlyOption() {
    Cli.Outcome run = Cli.run(env, "search", QUESTION);

    assertThat(run.exit()).isZero();
    assertThat(run.outWithoutTimings()).contains("> fetchPage {\"url\":\"" + pageUrl + "\"} (N ms) failed: ")
        .contains("I could not read " + pageUrl + "; the fetch tool failed: ");
    assertThat(pages.getRequestCount()).isZero();
  }

  @ParameterizedTest(name = "--endpoint {0}, --stream {1}")
  @CsvSource({"chat, false", "chat, true", "responses, false", "responses, true"})
  void withAKeyTheCommandRunsOnTheModelAtOpenAiBaseUrl(String endpoint, boolean stream) {
    try (ModelStandIn model = new ModelStandIn(WeatherCommandTest.realModel(DemoModels::searchTurn))) {
      env.put("OPENAI_API_KEY", ModelStandIn.KEY);
      env.put("OPENAI_BASE_URL", model.baseUrl());
      List<String> args = new ArrayList<>(List.of("search", "--endpoint", endpoint, allowPages()));
      if (stream) {
        args.add("--stream");
      }
      args.add(QUESTION);

      Cli.Outcome run = Cli.run(env, args.toArray(String[]::new));

      assertThat(run.err()).isEmpty();
      assertThat(run.exit()).isZero();
      assertThat(run.out()).doesNotContain("demo model").doesNotContain(ModelStandIn.KEY)
          .contains("1. JDK 21 - " + pageUrl + "\n")
          .contains("From " + pageUrl + ": ")
          .contains("JDK 21 reached General Availability on 19 September 2023.")
          .contains("17 * 23 = 391\n")
          .endsWith("3 turns | tokens: 450 input, 120 output, 150 cached, 30 reasoning | cost unknown\n");
      assertThat(model.requests()).hasSize(3);
      assertThat(model.requests().get(2).toString()).contains("Untrusted content fetched from " + pageUrl);
    }
  }

  @Test
  void withoutASearchProviderTheErrorNamesTheVariableToSet() {
    env.remove("CONDUIT_SEARCH_PROVIDER");

    Cli.Outcome run = Cli.run(env, "search", QUESTION);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: CONDUIT_SEARCH_PROVIDER is not set: set it to brave, tavily or searxng.\n");
  }
}
