package dev.conduit.tools.weather;

import dev.conduit.agent.tool.ToolException;
import dev.conduit.tools.internal.Http;
import dev.conduit.tools.internal.Http.Answer;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/** The two Open-Meteo calls: geocoding a name, and one forecast request for current and daily data. */
final class OpenMeteo {
  private static final String SERVICE = "Open-Meteo";
  static final String CURRENT =
      "temperature_2m,relative_humidity_2m,apparent_temperature,precipitation,weather_code,wind_speed_10m";
  static final String DAILY = "weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum";

  private final OkHttpClient client;
  private final HttpUrl forecastUrl;
  private final HttpUrl geocodingUrl;

  OpenMeteo(OkHttpClient client, HttpUrl forecastUrl, HttpUrl geocodingUrl) {
    this.client = client;
    this.forecastUrl = forecastUrl;
    this.geocodingUrl = geocodingUrl;
  }

  HttpUrl forecastUrl() {
    return forecastUrl;
  }

  HttpUrl geocodingUrl() {
    return geocodingUrl;
  }

  Place geocode(String location) {
    HttpUrl url = geocodingUrl.newBuilder()
        .addQueryParameter("name", location)
        .addQueryParameter("count", "1")
        .addQueryParameter("language", "en")
        .addQueryParameter("format", "json")
        .build();
    JsonNode root = call(url, "geocoding");
    JsonNode first = root.path("results").path(0);
    if (!first.isObject()) {
      throw new ToolException("No place named '" + location + "' was found. Check the spelling, or give just the "
          + "city name without region or country, e.g. 'Paris' instead of 'Paris, France'.");
    }
    return new Place(
        text(first, "name", location),
        text(first, "admin1", ""),
        text(first, "country", ""),
        number(first, "latitude", "geocoding"),
        number(first, "longitude", "geocoding"),
        text(first, "timezone", ""));
  }

  /** Current conditions and {@code days} daily forecasts, in local time at the place. */
  JsonNode forecast(Place place, int days, Unit unit) {
    HttpUrl.Builder url = forecastUrl.newBuilder()
        .addQueryParameter("latitude", Double.toString(place.latitude()))
        .addQueryParameter("longitude", Double.toString(place.longitude()))
        .addQueryParameter("current", CURRENT)
        .addQueryParameter("daily", DAILY)
        .addQueryParameter("timezone", "auto")
        .addQueryParameter("forecast_days", Integer.toString(days));
    if (unit == Unit.IMPERIAL) {
      url.addQueryParameter("temperature_unit", "fahrenheit")
          .addQueryParameter("wind_speed_unit", "mph")
          .addQueryParameter("precipitation_unit", "inch");
    }
    return call(url.build(), "forecast");
  }

  static List<DailyForecast> daily(JsonNode root) {
    JsonNode daily = root.path("daily");
    JsonNode dates = daily.path("time");
    if (!dates.isArray() || dates.isEmpty()) {
      throw incomplete("daily forecast");
    }
    List<DailyForecast> days = new ArrayList<>();
    for (int i = 0; i < dates.size(); i++) {
      int code = (int) element(daily, "weather_code", i);
      days.add(new DailyForecast(
          dates.path(i).asString(""),
          WmoCode.words(code),
          code,
          element(daily, "temperature_2m_max", i),
          element(daily, "temperature_2m_min", i),
          element(daily, "precipitation_sum", i)));
    }
    return days;
  }

  static UnitLabels units(JsonNode root) {
    JsonNode current = root.path("current_units");
    JsonNode daily = root.path("daily_units");
    return new UnitLabels(
        text(current, "temperature_2m", text(daily, "temperature_2m_max", "")),
        text(current, "wind_speed_10m", ""),
        text(daily, "precipitation_sum", text(current, "precipitation", "")));
  }

  static double number(JsonNode parent, String field, String part) {
    JsonNode value = parent.path(field);
    if (!value.isNumber()) {
      throw incomplete(part);
    }
    return value.doubleValue();
  }

  static String text(JsonNode parent, String field, String fallback) {
    JsonNode value = parent.path(field);
    return value.isString() ? value.stringValue() : fallback;
  }

  private static double element(JsonNode daily, String field, int index) {
    JsonNode value = daily.path(field).path(index);
    if (!value.isNumber()) {
      throw incomplete("daily forecast");
    }
    return value.doubleValue();
  }

  private static ToolException incomplete(String part) {
    return new ToolException(SERVICE + " returned an incomplete " + part + " (values are missing). Try again later.");
  }

  private JsonNode call(HttpUrl url, String what) {
    Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
    Answer answer = Http.send(client, request, SERVICE);
    if (!answer.isSuccessful()) {
      throw failure(answer, what);
    }
    JsonNode root = Http.json(answer.body(), SERVICE);
    if (root.path("error").asBoolean(false)) {
      throw new ToolException(SERVICE + " rejected the " + what + " request: " + reason(root) + ".");
    }
    return root;
  }

  private static ToolException failure(Answer answer, String what) {
    String reason = errorReason(answer.body());
    int status = answer.status();
    if (status == 429) {
      return new ToolException(SERVICE + "'s request limit was reached (HTTP 429)"
          + (reason.isEmpty() ? "" : ": " + reason) + ". Try again later.");
    }
    if (status >= 500) {
      return new ToolException(SERVICE + " is unavailable (HTTP " + status + "). Try again later or answer without "
          + "weather data.");
    }
    return new ToolException(SERVICE + " rejected the " + what + " request (HTTP " + status + ")"
        + (reason.isEmpty() ? "." : ": " + reason + "."));
  }

  private static String errorReason(String body) {
    try {
      return reason(Http.json(body, SERVICE));
    } catch (ToolException notJson) {
      return "";
    }
  }

  private static String reason(JsonNode root) {
    String reason = Http.excerpt(text(root, "reason", ""), 300);
    return reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
  }
}
