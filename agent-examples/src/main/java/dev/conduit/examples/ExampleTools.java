package dev.conduit.examples;

import dev.conduit.tools.search.SearchProviders;
import dev.conduit.tools.search.SearchTools;
import dev.conduit.tools.weather.WeatherTools;
import java.util.Map;
import java.util.Optional;

/** The ready tools, configured the way the README describes: from environment variables. */
final class ExampleTools {
  private ExampleTools() {}

  /** Open-Meteo at its public URLs, or at {@code OPEN_METEO_FORECAST_URL} / {@code OPEN_METEO_GEOCODING_URL}. */
  static WeatherTools weather(Map<String, String> env) {
    return new WeatherTools(
        variable(env, "OPEN_METEO_FORECAST_URL").orElse(WeatherTools.DEFAULT_FORECAST_URL),
        variable(env, "OPEN_METEO_GEOCODING_URL").orElse(WeatherTools.DEFAULT_GEOCODING_URL));
  }

  /** The provider named by {@code CONDUIT_SEARCH_PROVIDER}; fails naming the variable to set. */
  static SearchTools search(Map<String, String> env) {
    return new SearchTools(SearchProviders.fromEnvironment(env));
  }

  private static Optional<String> variable(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
