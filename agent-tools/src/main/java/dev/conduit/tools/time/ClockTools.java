package dev.conduit.tools.time;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import dev.conduit.agent.tool.ToolException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Date and time tools, so the model need not guess today's date or do calendar arithmetic: the current
 * time in a zone, converting a time between zones, adding days and hours, and counting days between dates.
 *
 * <pre>{@code
 * Agent agent = Agent.builder().client(client).model("gpt-5.1")
 *     .tools(new ClockTools())
 *     .build();
 *
 * // in tests, a fixed clock:
 * ClockTools clock = new ClockTools(Clock.fixed(Instant.parse("2025-03-14T08:30:00Z"), ZoneOffset.UTC));
 * clock.currentTime("Europe/Paris").dateTime();   // "2025-03-14T09:30:00"
 * }</pre>
 *
 * <p>Zones are IANA ids ({@code Europe/Paris}), {@code UTC}, or fixed offsets ({@code +05:30}); three-letter
 * abbreviations such as {@code PST} are refused because they are ambiguous. Date-times are local, in the
 * form {@code 2025-03-14T09:30} (seconds optional; a space instead of {@code T} and a date alone are
 * accepted too). A bad zone or date reaches the model as a {@link ToolException} giving the expected form.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClockTools {
  private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
  private static final String ZONE_FORM = "an IANA zone id such as Europe/Paris";

  private final Clock clock;

  /** Uses the system clock. */
  public ClockTools() {
    this(Clock.systemUTC());
  }

  /** Uses {@code clock} for "now"; only its instant matters, not its zone. */
  public ClockTools(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  @Tool("Get the current date, time and day of the week in a time zone")
  public ZonedTime currentTime(
      @Param(value = "IANA time zone id such as Europe/Paris or America/New_York; UTC when omitted",
          required = false) @Nullable String zone) {
    ZoneId zoneId = zone == null || zone.isBlank() ? ZoneOffset.UTC : zone(zone);
    return zoned(ZonedDateTime.now(clock.withZone(zoneId)));
  }

  @Tool("Convert a local date and time in one time zone to the same moment in another time zone")
  public TimeConversion convertTime(
      @Param("Local date and time, e.g. 2025-03-14T09:30") String dateTime,
      @Param("Time zone of dateTime, an IANA id such as America/New_York") String fromZone,
      @Param("Time zone to convert to, an IANA id such as Asia/Tokyo") String toZone) {
    ZonedDateTime from = ZonedDateTime.of(localDateTime(dateTime), zone(fromZone));
    ZonedDateTime to = from.withZoneSameInstant(zone(toZone));
    return new TimeConversion(zoned(from), zoned(to));
  }

  @Tool("Add days and hours to a date and time (negative numbers subtract). Days follow the calendar "
      + "(same wall-clock time); hours are elapsed time, so they account for daylight-saving changes in the zone")
  public ZonedTime addToDateTime(
      @Param("Local date and time, e.g. 2025-03-14T09:30") String dateTime,
      @Param(value = "Days to add; 0 when omitted", required = false) @Nullable Integer days,
      @Param(value = "Hours to add; 0 when omitted", required = false) @Nullable Integer hours,
      @Param(value = "IANA time zone id of dateTime such as Europe/Paris; UTC when omitted", required = false)
          @Nullable String zone) {
    ZoneId zoneId = zone == null || zone.isBlank() ? ZoneOffset.UTC : zone(zone);
    ZonedDateTime start = ZonedDateTime.of(localDateTime(dateTime), zoneId);
    try {
      return zoned(start.plusDays(days == null ? 0 : days).plusHours(hours == null ? 0 : hours));
    } catch (DateTimeException | ArithmeticException e) {
      throw new ToolException("The result is outside the supported range of dates (years -999999999 to 999999999).");
    }
  }

  @Tool("Count the days from one date to another; negative when the end date is earlier")
  public DaysBetween daysBetween(
      @Param("Start date, e.g. 2025-01-01") String startDate,
      @Param("End date, e.g. 2025-12-25") String endDate) {
    LocalDate start = date(startDate, "startDate");
    LocalDate end = date(endDate, "endDate");
    return new DaysBetween(start.toString(), end.toString(), ChronoUnit.DAYS.between(start, end));
  }

  private static ZoneId zone(String zone) {
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw new ToolException("Unknown time zone '" + zone + "': expected " + ZONE_FORM
          + " (or UTC, or an offset such as +05:30).");
    }
  }

  private static LocalDateTime localDateTime(String text) {
    String t = text.strip().replace(' ', 'T');
    try {
      return t.contains("T") ? LocalDateTime.parse(t) : LocalDate.parse(t).atStartOfDay();
    } catch (DateTimeParseException e) {
      throw new ToolException("'" + text + "' is not a date and time: expected the form 2025-03-14T09:30 "
          + "(local time, seconds optional, no offset).");
    }
  }

  private static LocalDate date(String text, String name) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ToolException(name + " '" + text + "' is not a date: expected the form 2025-03-14.");
    }
  }

  private static ZonedTime zoned(ZonedDateTime t) {
    ZonedDateTime s = t.truncatedTo(ChronoUnit.SECONDS);
    return new ZonedTime(OUTPUT.format(s), s.getZone().getId(), s.getOffset().getId(), s.getDayOfWeek().name());
  }
}
