package dev.conduit.tools.search;

import static dev.conduit.tools.StandIn.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.tool.ToolException;
import dev.conduit.tools.StandIn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SearchToolsTest {
  /** A sentinel key: it must reach the provider in its header and appear nowhere else. */
  private static final String KEY = "tvly-canary-7Hq2Lx9Pz4";

  private final MockWebServer server = StandIn.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void braveSendsTheKeyInItsHeaderAndReturnsPlainTextResults() throws Exception {
    server.enqueue(json(200, "brave/web-search.json"));
    SearchTools tools = new SearchTools(SearchProviders.brave(KEY, StandIn.url(server, "/res/v1/web/search")));

    SearchResults results = tools.search("openjdk 21", 2);

    assertThat(results).isEqualTo(new SearchResults("openjdk 21", List.of(
        new SearchResult("JDK 21 - OpenJDK", "https://openjdk.org/projects/jdk/21/",
            "JDK 21 is the open-source reference implementation of version 21 of the Java SE Platform, as "
                + "specified by JSR 396 in the Java Community Process."),
        new SearchResult("Java 21 & Virtual Threads | Inside.java", "https://inside.java/2023/09/19/the-arrival-of-java-21/",
            "Sep 19, 2023 - Java 21 is now available. Virtual threads, record patterns and pattern matching for "
                + "switch are final.")),
        SearchResults.UNTRUSTED_NOTICE));
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/res/v1/web/search");
    assertThat(request.getUrl().query()).isEqualTo("q=openjdk 21&count=2");
    assertThat(request.getHeaders().get("X-Subscription-Token")).isEqualTo(KEY);
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertKeyAbsent(request.getUrl().toString());
  }

  @Test
  void braveWithoutWebResultsReturnsNoResults() {
    server.enqueue(json(200, "brave/no-results.json"));
    SearchTools tools = new SearchTools(SearchProviders.brave(KEY, StandIn.url(server, "/")));

    assertThat(tools.search("qwzxv plorth 8812", null).results()).isEmpty();
  }

  @Test
  void braveDefaultsToFiveResults() throws Exception {
    server.enqueue(json(200, "brave/web-search.json"));
    new SearchTools(SearchProviders.brave(KEY, StandIn.url(server, "/"))).search("openjdk 21", null);

    assertThat(take().getUrl().queryParameter("count")).isEqualTo("5");
  }

  @Test
  void braveErrorsBecomeTextsThatSayWhatHappened() {
    SearchTools tools = new SearchTools(SearchProviders.brave(KEY, StandIn.url(server, "/")));

    server.enqueue(json(429, "brave/error-rate-limited.json"));
    assertThatThrownBy(() -> tools.search("openjdk", 3)).isInstanceOf(ToolException.class)
        .hasMessage("Brave Search rate limit reached (HTTP 429). Wait before searching again, or answer without web search.");

    server.enqueue(json(422, "brave/error-invalid-token.json"));
    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .hasMessage("Brave Search rejected the API key (HTTP 401). Web search is not available now; answer without it.");

    server.enqueue(json(401, "brave/error-unauthorized.json"));
    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .hasMessage("Brave Search rejected the API key (HTTP 401). Web search is not available now; answer without it.");

    server.enqueue(json(422, "brave/error-validation.json"));
    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .hasMessage("Brave Search rejected the search (HTTP 422): Unable to validate request parameter(s)");

    server.enqueue(new MockResponse.Builder().code(503).body("<html>Service Unavailable</html>").build());
    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .hasMessage("Brave Search is unavailable (HTTP 503). Try again later or answer without web search.");
  }

  @Test
  void tavilyPostsQueryAndMaxResultsWithTheKeyAsBearerToken() throws Exception {
    server.enqueue(json(200, "tavily/search.json"));
    SearchTools tools = new SearchTools(SearchProviders.tavily(KEY, StandIn.url(server, "/search")));

    SearchResults results = tools.search("openjdk 21", 3);

    assertThat(results.results()).containsExactly(
        new SearchResult("JDK 21 - OpenJDK", "https://openjdk.org/projects/jdk/21/",
            "JDK 21 is the open-source reference implementation of version 21 of the Java SE Platform, as "
                + "specified by JSR 396 in the Java Community Process. JDK 21 reached General Availability on "
                + "19 September 2023."),
        new SearchResult("Java version history - Wikipedia", "https://en.wikipedia.org/wiki/Java_version_history",
            "Java SE 21 was released on September 19, 2023. It is a long-term support (LTS) release."));
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/search");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getBody().utf8()).isEqualTo("{\"query\":\"openjdk 21\",\"max_results\":3}");
    assertKeyAbsent(request.getUrl().toString());
    assertKeyAbsent(request.getBody().utf8());
  }

  @Test
  void tavilyErrorsBecomeTextsThatSayWhatHappened() {
    SearchTools tools = new SearchTools(SearchProviders.tavily(KEY, StandIn.url(server, "/search")));

    server.enqueue(json(401, "tavily/error-unauthorized.json"));
    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .hasMessage("Tavily rejected the API key (HTTP 401). Web search is not available now; answer without it.");

    server.enqueue(json(429, "tavily/error-rate-limited.json"));
    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .hasMessage("Tavily rate limit reached (HTTP 429). Wait before searching again, or answer without web search.");

    server.enqueue(json(432, "tavily/error-plan-limit.json"));
    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .hasMessage("Tavily usage limit of the account was reached (HTTP 432). Web search is not available now; "
            + "answer without it.");

    server.enqueue(json(400, "tavily/error-bad-request.json"));
    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .hasMessage("Tavily rejected the search (HTTP 400): Query is too long. Max query length is 400 characters.");

    server.enqueue(json(500, "tavily/error-internal.json"));
    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .hasMessage("Tavily is unavailable (HTTP 500). Try again later or answer without web search.");
  }

  @Test
  void searxngAsksForJsonAndCutsToMaxResults() throws Exception {
    server.enqueue(json(200, "searxng/search.json"));
    SearchTools tools = new SearchTools(SearchProviders.searxng(StandIn.url(server, "/")));

    SearchResults results = tools.search("openjdk 21", 2);

    assertThat(results.results()).extracting(SearchResult::url)
        .containsExactly("https://openjdk.org/projects/jdk/21/", "https://www.oracle.com/java/technologies/downloads/");
    assertThat(results.results().get(0).snippet())
        .isEqualTo("JDK 21 is the open-source reference implementation of version 21 of the Java SE Platform.");
    RecordedRequest request = take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/search");
    assertThat(request.getUrl().query()).isEqualTo("q=openjdk 21&format=json");
  }

  @Test
  void searxngBaseUrlWithAPathGetsSearchAppendedOnce() throws Exception {
    server.enqueue(json(200, "searxng/search.json"));
    server.enqueue(json(200, "searxng/search.json"));

    new SearchTools(SearchProviders.searxng(StandIn.url(server, "/searx/"))).search("a", 1);
    new SearchTools(SearchProviders.searxng(StandIn.url(server, "/searx/search"))).search("a", 1);

    assertThat(take().getUrl().encodedPath()).isEqualTo("/searx/search");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/searx/search");
  }

  @Test
  void searxngErrorsBecomeTextsThatSayWhatHappened() {
    SearchTools tools = new SearchTools(SearchProviders.searxng(StandIn.url(server, "/")));

    server.enqueue(new MockResponse.Builder().code(403).setHeader("Content-Type", "text/html")
        .body("<!DOCTYPE html><title>403 Forbidden</title><h1>Forbidden</h1>").build());
    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .hasMessage("SearXNG refused the JSON format (HTTP 403); its settings.yml must list json under "
            + "search.formats. Web search is not available now; answer without it.");

    server.enqueue(new MockResponse.Builder().code(429).setHeader("Content-Type", "text/html")
        .body("Too Many Requests").build());
    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .hasMessage("SearXNG rate limit reached (HTTP 429). Wait before searching again, or answer without web search.");
  }

  @Test
  void aRedirectIsNotFollowedSoTheKeyNeverLeavesTheConfiguredHost() {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "http://127.0.0.2:1/steal").build());
    SearchTools tools = new SearchTools(SearchProviders.brave(KEY, StandIn.url(server, "/")));

    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .hasMessage("Brave Search answered with a redirect (HTTP 302), which is not followed. Web search is not "
            + "available now; answer without it.");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aKeyEchoedByTheProviderIsScrubbedFromTheErrorText() {
    server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
        .body("{\"detail\":{\"error\":\"Invalid request for key " + KEY + ".\"}}").build());
    SearchTools tools = new SearchTools(SearchProviders.tavily(KEY, StandIn.url(server, "/search")));

    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .hasMessage("Tavily rejected the search (HTTP 400): Invalid request for key ****.")
        .satisfies(e -> assertKeyAbsent(e.getMessage()));
  }

  @Test
  void unreachableProviderIsAnErrorText() {
    SearchTools tools = new SearchTools(SearchProviders.tavily(KEY, StandIn.url(server, "/search")));
    server.close();

    assertThatThrownBy(() -> tools.search("openjdk", 3))
        .isInstanceOf(ToolException.class)
        .hasMessage("Tavily could not be reached. Try again later or answer without it.");
  }

  @Test
  void modelMistakesAreErrorTextsAndNoRequestIsSent() {
    SearchTools tools = new SearchTools(SearchProviders.brave(KEY, StandIn.url(server, "/")));

    assertThatThrownBy(() -> tools.search(" ", 3)).hasMessage("The query is empty: say what to search for.");
    assertThatThrownBy(() -> tools.search("x".repeat(401), 3))
        .hasMessage("The query is 401 characters long; the limit is 400. Use a shorter query with the key words.");
    assertThatThrownBy(() -> tools.search("openjdk", 0)).hasMessage("maxResults must be between 1 and 20, got 0.");
    assertThatThrownBy(() -> tools.search("openjdk", 21)).hasMessage("maxResults must be between 1 and 20, got 21.");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aCustomProviderReturningTooManyResultsIsCut() {
    SearchProvider chatty = (query, max) -> List.of(
        new SearchResult("a", "https://a.example/", ""), new SearchResult("b", "https://b.example/", ""));

    assertThat(new SearchTools(chatty).search("q", 1).results()).hasSize(1);
  }

  @Test
  void providersNeverShowTheKey() {
    assertKeyAbsent(SearchProviders.brave(KEY).toString());
    assertKeyAbsent(SearchProviders.tavily(KEY).toString());
    assertKeyAbsent(new SearchTools(SearchProviders.tavily(KEY)).toString());
    assertThat(SearchProviders.brave(KEY)).hasToString("BraveSearch[endpoint=https://api.search.brave.com/res/v1/web/search]");
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the stand-in").isNotNull();
    return request;
  }

  static void assertKeyAbsent(String text) {
    assertThat(text)
        .doesNotContain(KEY)
        .doesNotContain(URLEncoder.encode(KEY, StandardCharsets.UTF_8))
        .doesNotContain(Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)))
        .doesNotContain(KEY.substring(0, 12));
  }
}
