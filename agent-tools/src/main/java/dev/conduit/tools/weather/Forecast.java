package dev.conduit.tools.weather;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A daily forecast for a place, today first.
 *
 * <pre>{@code
 * Forecast f = new WeatherTools().forecast("Oslo", 3, Unit.METRIC);
 * f.days().get(2).temperatureMax();
 * }</pre>
 */
public record Forecast(Place place, List<DailyForecast> days, UnitLabels units) {
  public Forecast {
    requireNonNull(place, "place");
    days = List.copyOf(days);
    requireNonNull(units, "units");
  }
}
