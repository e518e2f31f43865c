package dev.conduit.tools.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.tool.ToolException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClockToolsTest {
  private final ClockTools clock =
      new ClockTools(Clock.fixed(Instant.parse("2025-03-14T08:30:05.750Z"), ZoneOffset.ofHours(5)));

  @Test
  void currentTimeIsTheInjectedInstantInTheAskedZone() {
    assertThat(clock.currentTime("Europe/Paris"))
        .isEqualTo(new ZonedTime("2025-03-14T09:30:05", "Europe/Paris", "+01:00", "FRIDAY"));
    assertThat(clock.currentTime("Asia/Kolkata"))
        .isEqualTo(new ZonedTime("2025-03-14T14:00:05", "Asia/Kolkata", "+05:30", "FRIDAY"));
  }

  @Test
  void currentTimeWithoutZoneIsUtcWhateverTheClockZone() {
    assertThat(clock.currentTime(null)).isEqualTo(new ZonedTime("2025-03-14T08:30:05", "Z", "Z", "FRIDAY"));
  }

  @Test
  void convertTimeKeepsTheInstant() {
    TimeConversion conversion = clock.convertTime("2025-03-14T09:30", "America/New_York", "Asia/Tokyo");
    assertThat(conversion.from()).isEqualTo(new ZonedTime("2025-03-14T09:30:00", "America/New_York", "-04:00", "FRIDAY"));
    assertThat(conversion.to()).isEqualTo(new ZonedTime("2025-03-14T22:30:00", "Asia/Tokyo", "+09:00", "FRIDAY"));
  }

  @Test
  void convertTimeInsideADaylightSavingGapMovesForwardAndSaysSo() {
    TimeConversion conversion = clock.convertTime("2025-03-30 02:30", "Europe/Paris", "UTC");
    assertThat(conversion.from().dateTime()).isEqualTo("2025-03-30T03:30:00");
    assertThat(conversion.to()).isEqualTo(new ZonedTime("2025-03-30T01:30:00", "UTC", "Z", "SUNDAY"));
  }

  @Test
  void addingDaysKeepsWallClockTimeAndAddingHoursCountsElapsedTime() {
    // The night of 2025-03-30 in Paris is 23 hours long.
    assertThat(clock.addToDateTime("2025-03-29T12:00", 1, null, "Europe/Paris").dateTime())
        .isEqualTo("2025-03-30T12:00:00");
    assertThat(clock.addToDateTime("2025-03-29T12:00", null, 24, "Europe/Paris").dateTime())
        .isEqualTo("2025-03-30T13:00:00");
    assertThat(clock.addToDateTime("2025-01-31", 30, -2, null))
        .isEqualTo(new ZonedTime("2025-03-01T22:00:00", "Z", "Z", "SATURDAY"));
  }

  @Test
  void addingBeyondTheCalendarIsAnErrorText() {
    assertThatThrownBy(() -> clock.addToDateTime("+999999999-12-31T00:00", 1, 0, "UTC"))
        .isInstanceOf(ToolException.class)
        .hasMessage("The result is outside the supported range of dates (years -999999999 to 999999999).");
  }

  @Test
  void daysBetweenCountsCalendarDays() {
    assertThat(clock.daysBetween("2024-01-01", "2025-01-01")).isEqualTo(new DaysBetween("2024-01-01", "2025-01-01", 366));
    assertThat(clock.daysBetween("2025-03-01", "2025-01-01").days()).isEqualTo(-59);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Paris", "PST", "Europe/Atlantis", "", "+25:00"})
  void unknownZoneIsAnErrorTextGivingTheExpectedForm(String zone) {
    assertThatThrownBy(() -> clock.convertTime("2025-03-14T09:30", zone, "UTC"))
        .isInstanceOf(ToolException.class)
        .hasMessage("Unknown time zone '" + zone + "': expected an IANA zone id such as Europe/Paris "
            + "(or UTC, or an offset such as +05:30).");
  }

  @Test
  void currentTimeWithAnUnknownZoneIsAnErrorText() {
    assertThatThrownBy(() -> clock.currentTime("Mars/Olympus"))
        .hasMessageStartingWith("Unknown time zone 'Mars/Olympus': expected an IANA zone id such as Europe/Paris");
  }

  @Test
  void malformedDatesAreErrorTextsGivingTheForm() {
    assertThatThrownBy(() -> clock.convertTime("14/03/2025 9:30", "UTC", "UTC"))
        .isInstanceOf(ToolException.class)
        .hasMessage("'14/03/2025 9:30' is not a date and time: expected the form 2025-03-14T09:30 "
            + "(local time, seconds optional, no offset).");
    assertThatThrownBy(() -> clock.daysBetween("2025-02-30", "2025-03-01"))
        .hasMessage("startDate '2025-02-30' is not a date: expected the form 2025-03-14.");
  }
}
