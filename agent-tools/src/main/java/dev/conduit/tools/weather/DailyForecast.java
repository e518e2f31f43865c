package dev.conduit.tools.weather;

import static java.util.Objects.requireNonNull;

/**
 * One day of a forecast.
 *
 * <pre>{@code
 * new DailyForecast("2025-03-14", "Slight rain", 61, 11.4, 4.2, 2.6)
 * }</pre>
 *
 * @param date local date at the place, {@code yyyy-MM-dd}
 * @param conditions the WMO weather code in words, e.g. "Slight rain"
 * @param weatherCode the WMO weather code
 * @param precipitationSum total for the day
 */
public record DailyForecast(String date, String conditions, int weatherCode, double temperatureMax,
    double temperatureMin, double precipitationSum) {
  public DailyForecast {
    requireNonNull(date, "date");
    requireNonNull(conditions, "conditions");
  }
}
