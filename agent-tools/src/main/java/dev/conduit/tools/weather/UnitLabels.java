package dev.conduit.tools.weather;

import static java.util.Objects.requireNonNull;

/**
 * The units of the numbers in a weather answer, as Open-Meteo labels them.
 *
 * <pre>{@code
 * new UnitLabels("°C", "km/h", "mm")
 * }</pre>
 */
public record UnitLabels(String temperature, String windSpeed, String precipitation) {
  public UnitLabels {
    requireNonNull(temperature, "temperature");
    requireNonNull(windSpeed, "windSpeed");
    requireNonNull(precipitation, "precipitation");
  }
}
