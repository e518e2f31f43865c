package dev.conduit.tools.weather;

import static java.util.Objects.requireNonNull;

/**
 * The place a location name was resolved to, so the model can tell whether it got the Paris it meant.
 *
 * <pre>{@code
 * Place p = new WeatherTools().currentWeather("Paris", null).place();
 * p.country();   // "France"
 * }</pre>
 *
 * @param region the first-level division (state, region), or "" when Open-Meteo gives none
 * @param country the country name, or "" when Open-Meteo gives none
 * @param timezone the IANA zone of the place; forecast times are local to it
 */
public record Place(String name, String region, String country, double latitude, double longitude, String timezone) {
  public Place {
    requireNonNull(name, "name");
    requireNonNull(region, "region");
    requireNonNull(country, "country");
    requireNonNull(timezone, "timezone");
  }
}
