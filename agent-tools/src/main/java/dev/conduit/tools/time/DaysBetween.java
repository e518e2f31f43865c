package dev.conduit.tools.time;

import static java.util.Objects.requireNonNull;

/**
 * The number of days from one date to another.
 *
 * <pre>{@code
 * new ClockTools().daysBetween("2025-01-01", "2025-03-01").days();   // 59
 * }</pre>
 *
 * @param days negative when {@code endDate} is before {@code startDate}
 */
public record DaysBetween(String startDate, String endDate, long days) {
  public DaysBetween {
    requireNonNull(startDate, "startDate");
    requireNonNull(endDate, "endDate");
  }
}
