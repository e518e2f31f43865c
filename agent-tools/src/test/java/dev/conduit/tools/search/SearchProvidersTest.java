package dev.conduit.tools.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchProvidersTest {
  private static final String KEY = "tvly-canary-7Hq2Lx9Pz4";

  @Test
  void providerIsPickedByConduitSearchProvider() {
    assertThat(SearchProviders.fromEnvironment(Map.of("CONDUIT_SEARCH_PROVIDER", "brave", "BRAVE_API_KEY", KEY)))
        .hasToString("BraveSearch[endpoint=https://api.search.brave.com/res/v1/web/search]");
    assertThat(SearchProviders.fromEnvironment(Map.of("CONDUIT_SEARCH_PROVIDER", "Tavily", "TAVILY_API_KEY", KEY)))
        .hasToString("TavilySearch[endpoint=https://api.tavily.com/search]");
    assertThat(SearchProviders.fromEnvironment(
        Map.of("CONDUIT_SEARCH_PROVIDER", "searxng", "SEARXNG_URL", "http://localhost:8888")))
        .hasToString("SearxngSearch[endpoint=http://localhost:8888/search]");
  }

  @Test
  void endpointsCanBeOverridden() {
    assertThat(SearchProviders.fromEnvironment(Map.of("CONDUIT_SEARCH_PROVIDER", "brave", "BRAVE_API_KEY", KEY,
        "BRAVE_SEARCH_URL", "http://127.0.0.1:9999")))
        .hasToString("BraveSearch[endpoint=http://127.0.0.1:9999/res/v1/web/search]");
    assertThat(SearchProviders.fromEnvironment(Map.of("CONDUIT_SEARCH_PROVIDER", "tavily", "TAVILY_API_KEY", KEY,
        "TAVILY_SEARCH_URL", "http://127.0.0.1:9999/search")))
        .hasToString("TavilySearch[endpoint=http://127.0.0.1:9999/search]");
  }

  @Test
  void missingConfigurationFailsAtConstructionNamingTheVariable() {
    assertThatThrownBy(() -> SearchProviders.fromEnvironment(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CONDUIT_SEARCH_PROVIDER is not set: set it to brave, tavily or searxng.");
    assertThatThrownBy(() -> SearchProviders.fromEnvironment(Map.of("CONDUIT_SEARCH_PROVIDER", "bing")))
        .hasMessage("CONDUIT_SEARCH_PROVIDER=bing is not a known search provider: set it to brave, tavily or searxng.");
    assertThatThrownBy(() -> SearchProviders.fromEnvironment(Map.of("CONDUIT_SEARCH_PROVIDER", "brave")))
        .hasMessage("BRAVE_API_KEY is not set: set it to your Brave Search API key, from "
            + "https://api-dashboard.search.brave.com.");
    assertThatThrownBy(() -> SearchProviders.fromEnvironment(
        Map.of("CONDUIT_SEARCH_PROVIDER", "tavily", "TAVILY_API_KEY", "  ")))
        .hasMessage("TAVILY_API_KEY is not set: set it to your Tavily API key (tvly-...), from https://app.tavily.com.");
    assertThatThrownBy(() -> SearchProviders.fromEnvironment(Map.of("CONDUIT_SEARCH_PROVIDER", "searxng")))
        .hasMessage("SEARXNG_URL is not set: set it to the base URL of your SearXNG instance, e.g. "
            + "http://localhost:8888 (with json enabled in search.formats).");
  }

  @Test
  void emptyOrMalformedKeysFailWithoutEchoingTheKey() {
    assertThatThrownBy(() -> SearchProviders.brave(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The Brave Search API key is empty: pass the key, or set BRAVE_API_KEY and use "
            + "SearchProviders.fromEnvironment.");
    assertThatThrownBy(() -> SearchProviders.tavily(KEY + "\r\n"))
        .hasMessage("The Tavily API key contains whitespace or a control character at position 23: copy the key "
            + "again without it.");
  }

  @Test
  void aBadEndpointFailsNamingIt() {
    assertThatThrownBy(() -> SearchProviders.searxng("localhost:8888"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SearXNG URL is not an absolute http:// or https:// URL: localhost:8888 (expected e.g. https://host/search)");
  }
}
