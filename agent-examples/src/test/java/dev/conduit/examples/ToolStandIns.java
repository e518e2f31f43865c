package dev.conduit.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Local stand-ins for the services the tools call, on 127.0.0.1, answering in the services' own formats
 * (Open-Meteo geocoding and forecast, SearXNG JSON search, an HTML page).
 */
final class ToolStandIns {
  private ToolStandIns() {}

  /** Tokyo and Paris exist; every other name has no geocoding result. */
  static MockWebServer openMeteo() {
    return start(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        if (url.encodedPath().equals("/v1/search")) {
          String name = String.valueOf(url.queryParameter("name")).toLowerCase(Locale.ROOT);
          return json(GEOCODING.getOrDefault(name, "{\"generationtime_ms\":0.2}"));
        }
        if (url.encodedPath().equals("/v1/forecast")) {
          String latitude = String.valueOf(url.queryParameter("latitude"));
          return json(latitude.startsWith("35.6") ? forecast("Asia/Tokyo", 18.2, 17.0, 60, 9.4, 1, 20.3, 12.1, 0.0)
              : forecast("Europe/Paris", 11.5, 9.8, 75, 14.8, 61, 13.0, 7.2, 2.6));
        }
        return new MockResponse.Builder().code(404).body("{\"error\":true,\"reason\":\"Not found\"}").build();
      }
    });
  }

  private static final Map<String, String> GEOCODING = Map.of(
      "tokyo", "{\"results\":[{\"id\":1850147,\"name\":\"Tokyo\",\"latitude\":35.6895,\"longitude\":139.69171,"
          + "\"country_code\":\"JP\",\"timezone\":\"Asia/Tokyo\",\"country\":\"Japan\",\"admin1\":\"Tokyo\"}],"
          + "\"generationtime_ms\":0.6}",
      "paris", "{\"results\":[{\"id\":2988507,\"name\":\"Paris\",\"latitude\":48.85341,\"longitude\":2.3488,"
          + "\"country_code\":\"FR\",\"timezone\":\"Europe/Paris\",\"country\":\"France\",\"admin1\":\"Île-de-France\"}],"
          + "\"generationtime_ms\":0.7}");

  private static String forecast(String zone, double temperature, double apparent, int humidity, double wind, int code,
      double max, double min, double precipitation) {
    return "{\"latitude\":0,\"longitude\":0,\"utc_offset_seconds\":0,\"timezone\":\"" + zone + "\","
        + "\"current_units\":{\"time\":\"iso8601\",\"interval\":\"seconds\",\"temperature_2m\":\"°C\","
        + "\"relative_humidity_2m\":\"%\",\"apparent_temperature\":\"°C\",\"precipitation\":\"mm\","
        + "\"weather_code\":\"wmo code\",\"wind_speed_10m\":\"km/h\"},"
        + "\"current\":{\"time\":\"2025-03-14T09:30\",\"interval\":900,\"temperature_2m\":" + temperature
        + ",\"relative_humidity_2m\":" + humidity + ",\"apparent_temperature\":" + apparent + ",\"precipitation\":0.0,"
        + "\"weather_code\":" + code + ",\"wind_speed_10m\":" + wind + "},"
        + "\"daily_units\":{\"time\":\"iso8601\",\"weather_code\":\"wmo code\",\"temperature_2m_max\":\"°C\","
        + "\"temperature_2m_min\":\"°C\",\"precipitation_sum\":\"mm\"},"
        + "\"daily\":{\"time\":[\"2025-03-14\"],\"weather_code\":[" + code + "],\"temperature_2m_max\":[" + max
        + "],\"temperature_2m_min\":[" + min + "],\"precipitation_sum\":[" + precipitation + "]}}";
  }

  /** A SearXNG instance whose results point at {@code pageUrl} first. */
  static MockWebServer searxng(String pageUrl) {
    return start(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        if (!url.encodedPath().equals("/search") || !"json".equals(url.queryParameter("format"))) {
          return new MockResponse.Builder().code(403).body("Forbidden").build();
        }
        String q = String.valueOf(url.queryParameter("q")).replace("\"", "");
        return json("{\"query\":\"" + q + "\",\"number_of_results\":0,\"results\":["
            + "{\"url\":\"" + pageUrl + "\",\"title\":\"JDK 21\",\"content\":\"JDK 21 is the open-source reference "
            + "implementation of version 21 of the Java SE Platform.\",\"engine\":\"duckduckgo\",\"score\":4.0},"
            + "{\"url\":\"https://en.wikipedia.org/wiki/Java_version_history\",\"title\":\"Java version history - "
            + "Wikipedia\",\"content\":\"Java SE 21 was released on September 19, 2023.\",\"engine\":\"wikipedia\","
            + "\"score\":0.33}],\"answers\":[],\"corrections\":[],\"infoboxes\":[],\"suggestions\":[],"
            + "\"unresponsive_engines\":[]}");
      }
    });
  }

  /** One HTML page, at {@code /jdk21}. */
  static MockWebServer pages() {
    return start(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (!request.getUrl().encodedPath().equals("/jdk21")) {
          return new MockResponse.Builder().code(404).body("not found").build();
        }
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8")
            .body("<html><head><title>JDK 21</title></head><body><h1>JDK 21</h1><p>JDK 21 reached General "
                + "Availability on 19 September 2023.</p><script>ignored()</script></body></html>")
            .build();
      }
    });
  }

  static MockWebServer start(Dispatcher dispatcher) {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(dispatcher);
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  static String url(MockWebServer server) {
    return "http://127.0.0.1:" + server.getPort();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body).build();
  }
}
