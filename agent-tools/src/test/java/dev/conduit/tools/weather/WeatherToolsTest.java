package dev.conduit.tools.weather;

import static dev.conduit.tools.StandIn.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.tool.ToolException;
import dev.conduit.tools.StandIn;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WeatherToolsTest {
  private final MockWebServer geocoding = StandIn.start();
  private final MockWebServer forecast = StandIn.start();
  private final WeatherTools weather =
      new WeatherTools(StandIn.url(forecast, "/v1/forecast"), StandIn.url(geocoding, "/v1/search"));

  @AfterEach
  void stop() {
    geocoding.close();
    forecast.close();
  }

  @Test
  void currentWeatherGeocodesThePlaceThenFetchesCurrentConditions() throws Exception {
    geocoding.enqueue(json(200, "open-meteo/geocoding-berlin.json"));
    forecast.enqueue(json(200, "open-meteo/forecast-berlin-1-day-metric.json"));

    Weather w = weather.currentWeather("Berlin", null);

    Place berlin = new Place("Berlin", "Land Berlin", "Germany", 52.52437, 13.41053, "Europe/Berlin");
    assertThat(w).isEqualTo(new Weather(berlin, "2025-03-14T09:30", "Slight rain", 61, 6.4, 3.1, 81, 0.1, 14.8,
        new DailyForecast("2025-03-14", "Slight rain", 61, 9.1, 3.2, 2.6), new UnitLabels("°C", "km/h", "mm")));

    HttpUrl geo = take(geocoding).getUrl();
    assertThat(geo.encodedPath()).isEqualTo("/v1/search");
    assertThat(geo.query()).isEqualTo("name=Berlin&count=1&language=en&format=json");
    HttpUrl fc = take(forecast).getUrl();
    assertThat(fc.encodedPath()).isEqualTo("/v1/forecast");
    assertThat(fc.query()).isEqualTo("latitude=52.52437&longitude=13.41053"
        + "&current=temperature_2m,relative_humidity_2m,apparent_temperature,precipitation,weather_code,wind_speed_10m"
        + "&daily=weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum"
        + "&timezone=auto&forecast_days=1");
  }

  @Test
  void imperialUnitsAskForFahrenheitMilesPerHourAndInches() throws Exception {
    geocoding.enqueue(json(200, "open-meteo/geocoding-berlin.json"));
    forecast.enqueue(json(200, "open-meteo/forecast-berlin-1-day-imperial.json"));

    Weather w = weather.currentWeather("Berlin", Unit.IMPERIAL);

    assertThat(w.temperature()).isEqualTo(43.5);
    assertThat(w.units()).isEqualTo(new UnitLabels("°F", "mp/h", "inch"));
    HttpUrl fc = take(forecast).getUrl();
    assertThat(fc.queryParameter("temperature_unit")).isEqualTo("fahrenheit");
    assertThat(fc.queryParameter("wind_speed_unit")).isEqualTo("mph");
    assertThat(fc.queryParameter("precipitation_unit")).isEqualTo("inch");
  }

  @Test
  void forecastHasOneEntryPerDayWithConditionsInWords() throws Exception {
    geocoding.enqueue(json(200, "open-meteo/geocoding-berlin.json"));
    forecast.enqueue(json(200, "open-meteo/forecast-berlin-3-days-metric.json"));

    Forecast f = weather.forecast("Berlin", 3, Unit.METRIC);

    assertThat(f.place().name()).isEqualTo("Berlin");
    assertThat(f.days()).containsExactly(
        new DailyForecast("2025-03-14", "Slight rain", 61, 9.1, 3.2, 2.6),
        new DailyForecast("2025-03-15", "Overcast", 3, 8.0, 1.9, 0.0),
        new DailyForecast("2025-03-16", "Thunderstorm", 95, 11.2, 0.4, 7.1));
    assertThat(take(forecast).getUrl().queryParameter("forecast_days")).isEqualTo("3");
  }

  @Test
  void forecastWithoutDaysAsksForSeven() throws Exception {
    geocoding.enqueue(json(200, "open-meteo/geocoding-berlin.json"));
    forecast.enqueue(json(200, "open-meteo/forecast-berlin-3-days-metric.json"));

    weather.forecast("Berlin", null, null);

    assertThat(take(forecast).getUrl().queryParameter("forecast_days")).isEqualTo("7");
  }

  @Test
  void unknownPlaceIsAnErrorTextThatSaysSo() {
    geocoding.enqueue(json(200, "open-meteo/geocoding-no-results.json"));

    assertThatThrownBy(() -> weather.currentWeather("Atlantis", null))
        .isInstanceOf(ToolException.class)
        .hasMessage("No place named 'Atlantis' was found. Check the spelling, or give just the city name without "
            + "region or country, e.g. 'Paris' instead of 'Paris, France'.");
    assertThat(forecast.getRequestCount()).isZero();
  }

  @Test
  void geocodingErrorBodyBecomesAnErrorTextWithItsReason() {
    geocoding.enqueue(json(400, "open-meteo/geocoding-error.json"));

    assertThatThrownBy(() -> weather.currentWeather("Berlin", null))
        .isInstanceOf(ToolException.class)
        .hasMessage("Open-Meteo rejected the geocoding request (HTTP 400): Parameter count must be between 1 and 100.");
  }

  @Test
  void forecastErrorBodyBecomesAnErrorTextWithItsReason() {
    geocoding.enqueue(json(200, "open-meteo/geocoding-berlin.json"));
    forecast.enqueue(json(400, "open-meteo/forecast-error.json"));

    assertThatThrownBy(() -> weather.forecast("Berlin", 3, null))
        .isInstanceOf(ToolException.class)
        .hasMessage("Open-Meteo rejected the forecast request (HTTP 400): Forecast days is invalid. Allowed range 0 to 16.");
  }

  @Test
  void rateLimitIsAnErrorTextThatSaysToTryLater() {
    geocoding.enqueue(json(429, "open-meteo/rate-limited.json"));

    assertThatThrownBy(() -> weather.currentWeather("Berlin", null))
        .hasMessage("Open-Meteo's request limit was reached (HTTP 429): Minutely API request limit exceeded. "
            + "Please try again in one minute. Try again later.");
  }

  @Test
  void serverErrorWithAnHtmlPageIsAnErrorTextThatSaysTheServiceIsUnavailable() {
    geocoding.enqueue(json(200, "open-meteo/geocoding-berlin.json"));
    forecast.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
        .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());

    assertThatThrownBy(() -> weather.currentWeather("Berlin", null))
        .hasMessage("Open-Meteo is unavailable (HTTP 502). Try again later or answer without weather data.");
  }

  @Test
  void answerThatIsNotJsonIsAnErrorText() {
    geocoding.enqueue(new MockResponse.Builder().code(200).body("<html>maintenance</html>").build());

    assertThatThrownBy(() -> weather.currentWeather("Berlin", null))
        .hasMessage("Open-Meteo returned an answer that is not valid JSON.");
  }

  @Test
  void missingValuesAreAnErrorTextNotAMadeUpNumber() {
    geocoding.enqueue(json(200, "open-meteo/geocoding-berlin.json"));
    forecast.enqueue(json(200, "open-meteo/forecast-missing-values.json"));

    assertThatThrownBy(() -> weather.currentWeather("Berlin", null))
        .hasMessage("Open-Meteo returned an incomplete current conditions (values are missing). Try again later.");
  }

  @Test
  void unreachableServiceIsAnErrorText() {
    geocoding.close();

    assertThatThrownBy(() -> weather.currentWeather("Berlin", null))
        .isInstanceOf(ToolException.class)
        .hasMessage("Open-Meteo could not be reached. Try again later or answer without it.");
  }

  @Test
  void daysOutsideOneToSixteenIsAnErrorTextBeforeAnyRequest() {
    assertThatThrownBy(() -> weather.forecast("Berlin", 30, null)).hasMessage("days must be between 1 and 16, got 30.");
    assertThatThrownBy(() -> weather.forecast("Berlin", 0, null)).hasMessage("days must be between 1 and 16, got 0.");
    assertThat(geocoding.getRequestCount()).isZero();
  }

  @Test
  void emptyLocationIsAnErrorText() {
    assertThatThrownBy(() -> weather.currentWeather("  ", null))
        .hasMessage("The location is empty: give a city name such as Tokyo.");
  }

  @Test
  void baseUrlWithoutPathGetsTheStandardPath() throws Exception {
    WeatherTools bare = new WeatherTools(StandIn.url(forecast, ""), StandIn.url(geocoding, "/"));
    geocoding.enqueue(json(200, "open-meteo/geocoding-berlin.json"));
    forecast.enqueue(json(200, "open-meteo/forecast-berlin-1-day-metric.json"));

    bare.currentWeather("Berlin", null);

    assertThat(take(geocoding).getUrl().encodedPath()).isEqualTo("/v1/search");
    assertThat(take(forecast).getUrl().encodedPath()).isEqualTo("/v1/forecast");
  }

  @Test
  void constructorRejectsAUrlThatIsNotHttp() {
    assertThatThrownBy(() -> new WeatherTools("api.open-meteo.com/v1/forecast", WeatherTools.DEFAULT_GEOCODING_URL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("forecastUrl is not an absolute http:// or https:// URL: api.open-meteo.com/v1/forecast "
            + "(expected e.g. https://host/v1/forecast)");
  }

  @Test
  void defaultConstructorUsesTheRealEndpoints() {
    assertThat(new WeatherTools()).hasToString("WeatherTools[forecast=https://api.open-meteo.com/v1/forecast, "
        + "geocoding=https://geocoding-api.open-meteo.com/v1/search]");
  }

  private static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the stand-in").isNotNull();
    return request;
  }
}
