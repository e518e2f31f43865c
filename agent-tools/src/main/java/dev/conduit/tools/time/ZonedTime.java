package dev.conduit.tools.time;

import static java.util.Objects.requireNonNull;

/**
 * A wall-clock time in a zone, as the model receives it.
 *
 * <pre>{@code
 * ZonedTime t = new ClockTools().currentTime("Asia/Tokyo");
 * t.dateTime();   // "2025-03-14T18:30:05"
 * t.utcOffset();  // "+09:00"
 * }</pre>
 *
 * @param dateTime local date and time, {@code yyyy-MM-ddTHH:mm:ss}
 * @param zone the zone id, e.g. {@code Europe/Paris}
 * @param utcOffset the zone's offset from UTC at that moment, e.g. {@code +01:00} or {@code Z}
 * @param dayOfWeek e.g. {@code FRIDAY}
 */
public record ZonedTime(String dateTime, String zone, String utcOffset, String dayOfWeek) {
  public ZonedTime {
    requireNonNull(dateTime, "dateTime");
    requireNonNull(zone, "zone");
    requireNonNull(utcOffset, "utcOffset");
    requireNonNull(dayOfWeek, "dayOfWeek");
  }
}
