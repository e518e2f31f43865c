package dev.conduit.tools.weather;

import static java.util.Objects.requireNonNull;

/**
 * Current conditions at a place, with today's forecast.
 *
 * <pre>{@code
 * Weather w = new WeatherTools().currentWeather("Tokyo", Unit.METRIC);
 * w.conditions() + ", " + w.temperature() + w.units().temperature();   // "Partly cloudy, 18.3°C"
 * }</pre>
 *
 * @param time local time of the observation at the place, {@code yyyy-MM-ddTHH:mm}
 * @param conditions the WMO weather code in words, e.g. "Overcast"
 * @param apparentTemperature the "feels like" temperature
 * @param relativeHumidity percent
 * @param precipitation in the last interval (usually 15 minutes)
 */
public record Weather(Place place, String time, String conditions, int weatherCode, double temperature,
    double apparentTemperature, int relativeHumidity, double precipitation, double windSpeed,
    DailyForecast today, UnitLabels units) {
  public Weather {
    requireNonNull(place, "place");
    requireNonNull(time, "time");
    requireNonNull(conditions, "conditions");
    requireNonNull(today, "today");
    requireNonNull(units, "units");
  }
}
