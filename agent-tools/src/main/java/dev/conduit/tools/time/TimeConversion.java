package dev.conduit.tools.time;

import static java.util.Objects.requireNonNull;

/**
 * One instant seen in two zones.
 *
 * <pre>{@code
 * TimeConversion c = new ClockTools().convertTime("2025-03-14T09:30", "America/New_York", "Europe/Paris");
 * c.to().dateTime();   // "2025-03-14T14:30:00"
 * }</pre>
 *
 * <p>{@code from} can differ from the time asked for when that time does not exist in its zone (it falls
 * in a daylight-saving gap): the clocks skip it, so the time is moved forward by the gap.
 */
public record TimeConversion(ZonedTime from, ZonedTime to) {
  public TimeConversion {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }
}
