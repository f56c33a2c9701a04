package org.imrflow.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * How a holiday's observed day is found in a given year. Holidays are kept as rules, not as lists of dates,
 * so that no year ever runs out of holidays.
 */
public sealed interface HolidayRule {

    String name();

    /** The day the holiday is observed in the year, named "... (observed)" when that is not its own date. */
    Holiday observedIn(int year);

    /**
     * A holiday on the same date every year. On a Sunday it is observed the following Monday; on a Saturday it
     * stays where it is unless {@code fridayIfSaturday}, as California does for Veterans Day only
     * (Government Code sections 6700 and 6701).
     */
    record FixedDate(String name, MonthDay date, boolean fridayIfSaturday) implements HolidayRule {

        public FixedDate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(date, "date");
        }

        public FixedDate(String name, Month month, int day) {
            this(name, MonthDay.of(month, day), false);
        }

        @Override
        public Holiday observedIn(int year) {
            LocalDate actual = date.atYear(year);
            LocalDate observed = switch (actual.getDayOfWeek()) {
                case SUNDAY -> actual.plusDays(1);
                case SATURDAY -> fridayIfSaturday ? actual.minusDays(1) : actual;
                default -> actual;
            };
            return new Holiday(observed, observed.equals(actual) ? name : name + " (observed)", false);
        }
    }

    /** The n-th (1 to 4) given weekday of a month, such as the third Monday in January. */
    record NthWeekday(String name, Month month, DayOfWeek weekday, int ordinal) implements HolidayRule {

        public NthWeekday {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(weekday, "weekday");
            if (ordinal < 1 || ordinal > 4) {
                // a fifth weekday does not exist in every month, and no holiday needs one
                throw new IllegalArgumentException("ordinal must be 1 to 4: " + ordinal);
            }
        }

        @Override
        public Holiday observedIn(int year) {
            LocalDate date = LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
            return new Holiday(date, name, false);
        }
    }

    /** The last given weekday of a month, such as the last Monday in May. */
    record LastWeekday(String name, Month month, DayOfWeek weekday) implements HolidayRule {

        public LastWeekday {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(weekday, "weekday");
        }

        @Override
        public Holiday observedIn(int year) {
            return new Holiday(LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(weekday)), name, false);
        }
    }

    /** A holiday a number of days after another one's observed day, such as the day after Thanksgiving. */
    record DaysAfter(String name, HolidayRule base, int days) implements HolidayRule {

        public DaysAfter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(base, "base");
        }

        @Override
        public Holiday observedIn(int year) {
            return new Holiday(base.observedIn(year).date().plusDays(days), name, false);
        }
    }
}
