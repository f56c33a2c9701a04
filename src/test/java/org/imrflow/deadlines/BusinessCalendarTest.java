package org.imrflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private final BusinessCalendar calendar = BusinessCalendar.california();

    @Test
    void countsCaliforniaTime() {
        assertThat(BusinessCalendar.CALIFORNIA.getId()).isEqualTo("America/Los_Angeles");
    }

    @Test
    void weekdaysAreBusinessDaysExceptHolidays() {
        assertThat(calendar.isBusinessDay(date("2026-11-25"))).isTrue();  // Wednesday
        assertThat(calendar.isBusinessDay(date("2026-11-26"))).isFalse(); // Thanksgiving
        assertThat(calendar.isBusinessDay(date("2026-11-28"))).isFalse(); // Saturday
        assertThat(calendar.isBusinessDay(date("2026-11-29"))).isFalse(); // Sunday
        assertThat(calendar.closedFor(date("2026-11-28"))).isEmpty();
        assertThat(calendar.closedFor(date("2026-11-25"))).isEmpty();
    }

    @Test
    void addsBusinessDaysAcrossHolidaysWeekendsAndTheYearsEnd() {
        assertThat(calendar.plusBusinessDays(date("2026-12-31"), 1)).isEqualTo(date("2027-01-04")); // Jan 1 is a Friday
        assertThat(calendar.plusBusinessDays(date("2026-11-25"), 1)).isEqualTo(date("2026-11-30"));
        assertThat(calendar.plusBusinessDays(date("2026-12-24"), 1)).isEqualTo(date("2026-12-28"));
        assertThat(calendar.plusBusinessDays(date("2026-11-28"), 1)).isEqualTo(date("2026-11-30")); // from a Saturday
        assertThat(calendar.plusBusinessDays(date("2026-01-16"), 1)).isEqualTo(date("2026-01-20")); // MLK Day
        // December 2026: 23 weekdays less Christmas; then Jan 2027: New Year's Day and MLK Day (Jan 18)
        assertThat(calendar.plusBusinessDays(date("2026-11-30"), 22)).isEqualTo(date("2026-12-31"));
        assertThat(calendar.plusBusinessDays(date("2026-12-31"), 12)).isEqualTo(date("2027-01-20"));
    }

    @Test
    void subtractsBusinessDaysWithANegativeCount() {
        assertThat(calendar.plusBusinessDays(date("2027-01-04"), -1)).isEqualTo(date("2026-12-31"));
        assertThat(calendar.plusBusinessDays(date("2026-11-30"), -1)).isEqualTo(date("2026-11-25"));
        assertThat(calendar.plusBusinessDays(date("2026-11-29"), -1)).isEqualTo(date("2026-11-25")); // from a Sunday
        assertThat(calendar.plusBusinessDays(date("2027-01-20"), -12)).isEqualTo(date("2026-12-31"));
    }

    @Test
    void addingZeroBusinessDaysIsTheDateItself() {
        assertThat(calendar.plusBusinessDays(date("2026-11-25"), 0)).isEqualTo(date("2026-11-25"));
        assertThat(calendar.plusBusinessDays(date("2026-11-28"), 0)).isEqualTo(date("2026-11-28"));
        assertThat(calendar.plusBusinessDays(date("2026-12-25"), 0)).isEqualTo(date("2026-12-25"));
    }

    @Test
    void countsBusinessDaysInBothDirections() {
        assertThat(calendar.businessDaysUntil(date("2026-11-25"), date("2026-11-30"))).isEqualTo(1);
        assertThat(calendar.businessDaysUntil(date("2026-11-30"), date("2026-11-25"))).isEqualTo(-1);
        assertThat(calendar.businessDaysUntil(date("2026-11-25"), date("2026-11-25"))).isZero();
        assertThat(calendar.businessDaysUntil(date("2026-11-28"), date("2026-11-28"))).isZero();
        assertThat(calendar.businessDaysUntil(date("2026-11-25"), date("2026-11-29"))).isZero(); // nothing but closed days
        assertThat(calendar.businessDaysUntil(date("2026-11-29"), date("2026-11-25"))).isZero();
        assertThat(calendar.businessDaysUntil(date("2026-11-28"), date("2026-11-30"))).isEqualTo(1);
        assertThat(calendar.businessDaysUntil(date("2026-11-30"), date("2026-11-28"))).isEqualTo(-1);
        // Dec 28, 29, 30, 31 and Jan 4 (Dec 25 and Jan 1 are Fridays off)
        assertThat(calendar.businessDaysUntil(date("2026-12-24"), date("2027-01-04"))).isEqualTo(5);
        assertThat(calendar.businessDaysUntil(date("2027-01-04"), date("2026-12-24"))).isEqualTo(-5);
        // 2026: 261 weekdays; 11 of the 12 holidays fall on one (Independence Day is a Saturday)
        assertThat(calendar.businessDaysUntil(date("2025-12-31"), date("2026-12-31"))).isEqualTo(261 - 11);
    }

    @Test
    void aDeadlineDueTheNextOrPreviousBusinessDayIsOneDayLeftOrOverdue() {
        LocalDate wednesday = date("2026-11-25");
        assertThat(calendar.businessDaysUntil(wednesday, calendar.plusBusinessDays(wednesday, 1))).isEqualTo(1);
        assertThat(calendar.businessDaysUntil(wednesday, calendar.plusBusinessDays(wednesday, -1))).isEqualTo(-1);
    }

    @Test
    void countingAndAddingAgreeWithADayByDayCount() {
        Random random = new Random(20261126);
        LocalDate first = date("2012-06-01");
        for (int i = 0; i < 2000; i++) {
            LocalDate from = first.plusDays(random.nextInt(365 * 19));
            LocalDate to = from.plusDays(random.nextInt(801) - 400);
            assertThat(calendar.businessDaysUntil(from, to)).as(from + " to " + to).isEqualTo(dayByDay(from, to));
            int n = random.nextInt(81) - 40;
            LocalDate moved = calendar.plusBusinessDays(from, n);
            // backwards the count is over (moved, from]: it includes the start, so only a business day counts back exactly
            if (n > 0 || calendar.isBusinessDay(from)) {
                assertThat(calendar.businessDaysUntil(from, moved)).as(from + " plus " + n).isEqualTo(n);
            }
            if (n != 0) {
                assertThat(calendar.isBusinessDay(moved)).isTrue();
            }
        }
    }

    @Test
    void extendsADeadlineOnAClosedDayToTheNextBusinessDay() {
        assertThat(calendar.onOrAfter(date("2026-11-25"))).isEqualTo(date("2026-11-25"));
        assertThat(calendar.onOrAfter(date("2026-10-03"))).isEqualTo(date("2026-10-05")); // Saturday
        assertThat(calendar.onOrAfter(date("2026-10-04"))).isEqualTo(date("2026-10-05")); // Sunday
        assertThat(calendar.onOrAfter(date("2026-01-19"))).isEqualTo(date("2026-01-20")); // MLK Day
        assertThat(calendar.onOrAfter(date("2026-12-25"))).isEqualTo(date("2026-12-28")); // Christmas, a Friday
        assertThat(calendar.onOrAfter(date("2027-01-01"))).isEqualTo(date("2027-01-04"));
    }

    @Test
    void anExpeditedReviewDueOnThanksgivingIsDueTheMondayAfter() {
        LocalDate assigned = date("2026-11-23"); // Monday
        LocalDate lastDay = assigned.plusDays(3);
        assertThat(lastDay).isEqualTo(date("2026-11-26"));
        assertThat(lastDay.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(calendar.closedFor(lastDay)).contains("Thanksgiving Day");
        assertThat(calendar.onOrAfter(lastDay)).isEqualTo(date("2026-11-30"));
    }

    @Test
    void aClosureMakesAWeekdayClosed() {
        Closure governors = new Closure(date("2026-12-24"), "Governor's closure");
        BusinessCalendar closed = new BusinessCalendar(CaliforniaHolidays.rules(), List.of(governors));

        assertThat(closed.isBusinessDay(date("2026-12-24"))).isFalse();
        assertThat(closed.closedFor(date("2026-12-24"))).contains("Governor's closure");
        assertThat(closed.holidays(2026)).hasSize(13)
                .contains(new Holiday(date("2026-12-24"), "Governor's closure", true));
        assertThat(closed.holidays(2026).get(11)).isEqualTo(new Holiday(date("2026-12-24"), "Governor's closure", true));
        assertThat(closed.holidays(2027)).hasSize(12);
        assertThat(closed.plusBusinessDays(date("2026-12-23"), 1)).isEqualTo(date("2026-12-28"));
        assertThat(closed.businessDaysUntil(date("2026-12-23"), date("2026-12-28"))).isEqualTo(1);
        assertThat(closed.onOrAfter(date("2026-12-24"))).isEqualTo(date("2026-12-28"));

        assertThat(calendar.isBusinessDay(date("2026-12-24"))).as("the rules alone").isTrue();
    }

    @Test
    void aClosureOnAHolidayKeepsTheHolidayFirst() {
        BusinessCalendar closed = new BusinessCalendar(CaliforniaHolidays.rules(),
                List.of(new Closure(date("2026-12-25"), "Storm")));
        assertThat(closed.closedFor(date("2026-12-25"))).contains("Christmas Day; Storm");
        assertThat(closed.holidays(2026)).filteredOn(h -> h.date().equals(date("2026-12-25")))
                .extracting(Holiday::closure).containsExactly(false, true);
        assertThat(closed.businessDaysUntil(date("2026-12-24"), date("2026-12-28"))).isEqualTo(1);
    }

    @Test
    void anObservedDayInTheNextYearBelongsToThatYear() {
        // Dec 31, 2023 is a Sunday: observed Monday, Jan 1, 2024
        BusinessCalendar yearEnd = new BusinessCalendar(
                List.of(new HolidayRule.FixedDate("Year's End", MonthDay.of(Month.DECEMBER, 31), false)), List.of());
        assertThat(yearEnd.holidays(2023)).isEmpty();
        assertThat(yearEnd.holidays(2024)).containsExactly(
                new Holiday(date("2024-01-01"), "Year's End (observed)", false),
                new Holiday(date("2024-12-31"), "Year's End", false));
        assertThat(yearEnd.plusBusinessDays(date("2023-12-29"), 1)).isEqualTo(date("2024-01-02"));
    }

    @Test
    void holidaysCannotBeChangedByTheirReader() {
        List<Holiday> holidays = calendar.holidays(2026);
        org.assertj.core.api.Assertions.assertThatThrownBy(holidays::clear)
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private int dayByDay(LocalDate from, LocalDate to) {
        int sign = to.isAfter(from) ? 1 : -1;
        LocalDate start = sign > 0 ? from : to;
        LocalDate end = sign > 0 ? to : from;
        int count = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            DayOfWeek weekday = day.getDayOfWeek();
            if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && calendar.closedFor(day).isEmpty()) {
                count++;
            }
        }
        return sign * count;
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
