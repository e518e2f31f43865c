package dev.conduit.tools.search;

import static java.util.Objects.requireNonNull;

import dev.conduit.tools.internal.Http;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The search providers Conduit ships, built from their public APIs, and the configuration that picks one.
 *
 * <pre>{@code
 * // CONDUIT_SEARCH_PROVIDER=brave and BRAVE_API_KEY=...
 * SearchProvider provider = SearchProviders.fromEnvironment(System.getenv());
 *
 * // or explicitly:
 * SearchProvider brave = SearchProviders.brave(System.getenv("BRAVE_API_KEY"));
 * SearchProvider tavily = SearchProviders.tavily(System.getenv("TAVILY_API_KEY"));
 * SearchProvider searxng = SearchProviders.searxng("http://localhost:8888");
 * }</pre>
 *
 * <p>Keys travel only in request headers ({@code X-Subscription-Token} for Brave, {@code Authorization:
 * Bearer} for Tavily), never in URLs, and no provider's {@code toString()} or error text contains them.
 * Providers do not follow redirects, so a key is never sent to another host. A missing key fails here,
 * at construction, naming the variable to set. Requests time out after 5 s (connect) and 20 s (whole call).
 *
 * <p>The providers are immutable and thread-safe, and share one HTTP connection pool.
 */
public final class SearchProviders {
  /** Selects the provider in {@link #fromEnvironment}: {@code brave}, {@code tavily} or {@code searxng}. */
  public static final String PROVIDER_VARIABLE = "CONDUIT_SEARCH_PROVIDER";

  private SearchProviders() {}

  /** Brave Search API at its public endpoint. */
  public static SearchProvider brave(String apiKey) {
    return brave(apiKey, BraveSearch.DEFAULT_URL);
  }

  /** Brave Search API at another endpoint; a URL without a path gets {@code /res/v1/web/search}. */
  public static SearchProvider brave(String apiKey, String endpointUrl) {
    requireNonNull(apiKey, "apiKey");
    requireNonNull(endpointUrl, "endpointUrl");
    return new BraveSearch(ApiKey.of(apiKey, BraveSearch.NAME, "BRAVE_API_KEY"),
        Http.endpoint(endpointUrl, "Brave Search URL", "/res/v1/web/search"), client());
  }

  /** Tavily at its public endpoint. */
  public static SearchProvider tavily(String apiKey) {
    return tavily(apiKey, TavilySearch.DEFAULT_URL);
  }

  /** Tavily at another endpoint; a URL without a path gets {@code /search}. */
  public static SearchProvider tavily(String apiKey, String endpointUrl) {
    requireNonNull(apiKey, "apiKey");
    requireNonNull(endpointUrl, "endpointUrl");
    return new TavilySearch(ApiKey.of(apiKey, TavilySearch.NAME, "TAVILY_API_KEY"),
        Http.endpoint(endpointUrl, "Tavily URL", "/search"), client());
  }

  /**
   * A SearXNG instance, e.g. {@code http://localhost:8888}; {@code /search} is appended unless the URL
   * already ends with it. The instance's {@code settings.yml} must enable the {@code json} format.
   */
  public static SearchProvider searxng(String baseUrl) {
    requireNonNull(baseUrl, "baseUrl");
    HttpUrl base = Http.endpoint(baseUrl, "SearXNG URL", "/search");
    if (!base.pathSegments().get(base.pathSegments().size() - 1).equals("search")) {
      base = base.newBuilder().addPathSegment("search").build();
    }
    return new SearxngSearch(base, client());
  }

  /**
   * Picks and builds the provider named by {@code CONDUIT_SEARCH_PROVIDER} ({@code brave}, {@code tavily}
   * or {@code searxng}) from these variables:
   *
   * <ul>
   *   <li>brave: {@code BRAVE_API_KEY} (required), {@code BRAVE_SEARCH_URL} (optional endpoint)
   *   <li>tavily: {@code TAVILY_API_KEY} (required), {@code TAVILY_SEARCH_URL} (optional endpoint)
   *   <li>searxng: {@code SEARXNG_URL} (required)
   * </ul>
   *
   * @param env usually {@code System.getenv()}
   * @throws IllegalArgumentException naming the variable to set when one is missing or wrong
   */
  public static SearchProvider fromEnvironment(Map<String, String> env) {
    requireNonNull(env, "env");
    String provider = variable(env, PROVIDER_VARIABLE);
    if (provider.isEmpty()) {
      throw new IllegalArgumentException(PROVIDER_VARIABLE + " is not set: set it to brave, tavily or searxng.");
    }
    switch (provider.toLowerCase(Locale.ROOT)) {
      case "brave":
        return brave(required(env, "BRAVE_API_KEY", "your Brave Search API key, from https://api-dashboard.search.brave.com"),
            orDefault(env, "BRAVE_SEARCH_URL", BraveSearch.DEFAULT_URL));
      case "tavily":
        return tavily(required(env, "TAVILY_API_KEY", "your Tavily API key (tvly-...), from https://app.tavily.com"),
            orDefault(env, "TAVILY_SEARCH_URL", TavilySearch.DEFAULT_URL));
      case "searxng":
        return searxng(required(env, "SEARXNG_URL",
            "the base URL of your SearXNG instance, e.g. http://localhost:8888 (with json enabled in search.formats)"));
      default:
        throw new IllegalArgumentException(
            PROVIDER_VARIABLE + "=" + provider + " is not a known search provider: set it to brave, tavily or searxng.");
    }
  }

  private static String required(Map<String, String> env, String name, String what) {
    String value = variable(env, name);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " is not set: set it to " + what + ".");
    }
    return value;
  }

  private static String orDefault(Map<String, String> env, String name, String fallback) {
    String value = variable(env, name);
    return value.isEmpty() ? fallback : value;
  }

  private static String variable(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null ? "" : value.strip();
  }

  private static OkHttpClient client() {
    return Http.clientBuilder().build();
  }
}
