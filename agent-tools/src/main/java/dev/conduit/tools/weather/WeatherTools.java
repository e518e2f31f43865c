package dev.conduit.tools.weather;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import dev.conduit.agent.tool.ToolException;
import dev.conduit.tools.internal.Http;
import java.util.List;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Weather tools backed by <a href="https://open-meteo.com">Open-Meteo</a>, which needs no API key: a place
 * name is geocoded, then current conditions and a daily forecast are fetched for it.
 *
 * <pre>{@code
 * Agent agent = Agent.builder().client(client).model("gpt-5.1")
 *     .tools(new WeatherTools())
 *     .build();
 *
 * // another endpoint (a mirror, a self-hosted instance, or a stand-in in tests):
 * Map<String, String> env = System.getenv();
 * WeatherTools weather = new WeatherTools(
 *     env.getOrDefault("OPEN_METEO_FORECAST_URL", WeatherTools.DEFAULT_FORECAST_URL),
 *     env.getOrDefault("OPEN_METEO_GEOCODING_URL", WeatherTools.DEFAULT_GEOCODING_URL));
 * }</pre>
 *
 * <p>An unknown place, an Open-Meteo error ({@code {"error":true,"reason":"..."}}), a rate limit, an
 * outage or a timeout reaches the model as a {@link ToolException} saying so; no value is ever made up.
 * Requests time out after 5 s (connect) and 20 s (whole call), and do not follow redirects.
 *
 * <p>Immutable and thread-safe; share one instance. Its HTTP connections are pooled with the other
 * Conduit tools and need no shutdown.
 */
public final class WeatherTools {
  /** Open-Meteo's forecast endpoint. */
  public static final String DEFAULT_FORECAST_URL = "https://api.open-meteo.com/v1/forecast";
  /** Open-Meteo's geocoding endpoint. */
  public static final String DEFAULT_GEOCODING_URL = "https://geocoding-api.open-meteo.com/v1/search";

  private static final int MAX_LOCATION_LENGTH = 200;

  private final OpenMeteo openMeteo;

  /** Uses Open-Meteo's public endpoints. */
  public WeatherTools() {
    this(DEFAULT_FORECAST_URL, DEFAULT_GEOCODING_URL);
  }

  /**
   * Uses other endpoints with the same API. A URL without a path gets the standard one, so
   * {@code http://localhost:8080} means {@code http://localhost:8080/v1/forecast} (or {@code /v1/search}).
   *
   * @throws IllegalArgumentException when a URL is not an absolute http(s) URL
   */
  public WeatherTools(String forecastUrl, String geocodingUrl) {
    requireNonNull(forecastUrl, "forecastUrl");
    requireNonNull(geocodingUrl, "geocodingUrl");
    OkHttpClient client = Http.clientBuilder().build();
    this.openMeteo = new OpenMeteo(client,
        Http.endpoint(forecastUrl, "forecastUrl", "/v1/forecast"),
        Http.endpoint(geocodingUrl, "geocodingUrl", "/v1/search"));
  }

  @Tool("Get the current weather for a location, with today's high, low and precipitation")
  public Weather currentWeather(
      @Param("City name, e.g. Tokyo") String location,
      @Param(value = "Units: METRIC (°C, km/h, mm) or IMPERIAL (°F, mph, inch); METRIC when omitted",
          required = false) @Nullable Unit unit) {
    Place place = openMeteo.geocode(checkedLocation(location));
    JsonNode root = openMeteo.forecast(place, 1, unit == null ? Unit.METRIC : unit);
    JsonNode current = root.path("current");
    int code = (int) OpenMeteo.number(current, "weather_code", "current conditions");
    return new Weather(
        withTimezone(place, root),
        OpenMeteo.text(current, "time", ""),
        WmoCode.words(code),
        code,
        OpenMeteo.number(current, "temperature_2m", "current conditions"),
        OpenMeteo.number(current, "apparent_temperature", "current conditions"),
        (int) Math.round(OpenMeteo.number(current, "relative_humidity_2m", "current conditions")),
        OpenMeteo.number(current, "precipitation", "current conditions"),
        OpenMeteo.number(current, "wind_speed_10m", "current conditions"),
        OpenMeteo.daily(root).get(0),
        OpenMeteo.units(root));
  }

  @Tool("Get the daily weather forecast for a location: conditions, high, low and precipitation per day")
  public Forecast forecast(
      @Param("City name, e.g. Tokyo") String location,
      @Param(value = "Number of days including today, 1 to 16; 7 when omitted", required = false)
          @Nullable Integer days,
      @Param(value = "Units: METRIC (°C, km/h, mm) or IMPERIAL (°F, mph, inch); METRIC when omitted",
          required = false) @Nullable Unit unit) {
    int dayCount = days == null ? 7 : days;
    if (dayCount < 1 || dayCount > 16) {
      throw new ToolException("days must be between 1 and 16, got " + dayCount + ".");
    }
    Place place = openMeteo.geocode(checkedLocation(location));
    JsonNode root = openMeteo.forecast(place, dayCount, unit == null ? Unit.METRIC : unit);
    List<DailyForecast> daily = OpenMeteo.daily(root);
    return new Forecast(withTimezone(place, root), daily, OpenMeteo.units(root));
  }

  @Override
  public String toString() {
    return "WeatherTools[forecast=" + openMeteo.forecastUrl() + ", geocoding=" + openMeteo.geocodingUrl() + "]";
  }

  private static String checkedLocation(String location) {
    String trimmed = location.strip();
    if (trimmed.isEmpty()) {
      throw new ToolException("The location is empty: give a city name such as Tokyo.");
    }
    if (trimmed.length() > MAX_LOCATION_LENGTH) {
      throw new ToolException("The location is too long (" + trimmed.length() + " characters): give a city name "
          + "such as Tokyo.");
    }
    return trimmed;
  }

  private static Place withTimezone(Place place, JsonNode forecast) {
    if (!place.timezone().isEmpty()) {
      return place;
    }
    return new Place(place.name(), place.region(), place.country(), place.latitude(), place.longitude(),
        OpenMeteo.text(forecast, "timezone", ""));
  }
}
