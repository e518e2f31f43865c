package dev.conduit.tools.weather;

/**
 * The unit system of a weather answer.
 *
 * <pre>{@code
 * new WeatherTools().currentWeather("Chicago", Unit.IMPERIAL).units().temperature();   // "°F"
 * }</pre>
 */
public enum Unit {
  /** °C, km/h, mm. */
  METRIC,
  /** °F, mph, inch. */
  IMPERIAL
}
