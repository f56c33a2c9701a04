package org.imrflow.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Business days in California: Monday to Friday except observed state holidays and one-off closures. Immutable
 * and safe to share; each year's closed days are worked out once, on first use, because pages ask for
 * thousands of due dates at a time.
 */
public final class BusinessCalendar {

    public static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");

    /** 1970-01-05, a Monday: the origin of the running count of weekdays. */
    private static final long A_MONDAY = 4;

    private static final Comparator<Holiday> ORDER = Comparator.comparing(Holiday::date)
            .thenComparing(Holiday::closure).thenComparing(Holiday::name);

    private static final BusinessCalendar CALIFORNIA_RULES = new BusinessCalendar(CaliforniaHolidays.rules(), List.of());

    private final List<HolidayRule> rules;
    private final Map<Integer, List<Closure>> closuresByYear;
    private final Map<Integer, ClosedDays> years = new ConcurrentHashMap<>();

    public BusinessCalendar(List<HolidayRule> rules, Collection<Closure> closures) {
        this.rules = List.copyOf(rules);
        this.closuresByYear = closures.stream().collect(Collectors.groupingBy(c -> c.date().getYear(),
                Collectors.collectingAndThen(Collectors.toList(), List::copyOf)));
    }

    /** California's state holidays and no closures. */
    public static BusinessCalendar california() {
        return CALIFORNIA_RULES;
    }

    public boolean isBusinessDay(LocalDate date) {
        return !isWeekend(date) && !closedDays(date.getYear()).names().containsKey(date);
    }

    /** The holiday or closure on the date; empty on a business day and on a weekend day that is neither. */
    public Optional<String> closedFor(LocalDate date) {
        return Optional.ofNullable(closedDays(date.getYear()).names().get(date));
    }

    /** The observed holidays and the closures of the year, by date; a holiday before a closure on the same day. */
    public List<Holiday> holidays(int year) {
        return closedDays(year).holidays();
    }

    /**
     * With n &gt; 0 the n-th business day after the date, with n &lt; 0 the |n|-th business day before it, with
     * n = 0 the date itself (even if it is not a business day).
     */
    public LocalDate plusBusinessDays(LocalDate date, int n) {
        int step = Integer.signum(n);
        long left = Math.abs((long) n);
        LocalDate day = date;
        while (left > 0) {
            day = day.plusDays(step);
            if (isBusinessDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * The date if it is a business day, else the next one: a period whose last day falls on a weekend or holiday
     * runs to the next business day (Code of Civil Procedure section 12a).
     */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * Business days from one date to another: with {@code to} later, the business days in (from, to]; with
     * {@code to} earlier, minus those in (to, from]. A deadline due the next business day is 1 day away; one due
     * the business day before is -1, one day overdue.
     */
    public int businessDaysUntil(LocalDate from, LocalDate to) {
        int order = to.compareTo(from);
        if (order == 0) {
            return 0;
        }
        return order > 0 ? businessDaysAfterThrough(from, to) : -businessDaysAfterThrough(to, from);
    }

    /** Business days in (from, to], from before to: weekdays by arithmetic, less the closed weekdays. */
    private int businessDaysAfterThrough(LocalDate from, LocalDate to) {
        long count = weekdaysThrough(to) - weekdaysThrough(from);
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (LocalDate closed : closedDays(year).names().keySet()) {
                if (closed.isAfter(from) && !closed.isAfter(to) && !isWeekend(closed)) {
                    count--;
                }
            }
        }
        return Math.toIntExact(count);
    }

    /** A running count of weekdays up to and including the date; only differences of it mean anything. */
    private static long weekdaysThrough(LocalDate date) {
        long days = date.toEpochDay() - A_MONDAY + 1;
        return 5 * Math.floorDiv(days, 7) + Math.min(Math.floorMod(days, 7), 5);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private ClosedDays closedDays(int year) {
        return years.computeIfAbsent(year, this::compute);
    }

    private ClosedDays compute(int year) {
        List<Holiday> holidays = new ArrayList<>();
        // an observed day may fall in the year next to the holiday's own: a Dec 31 holiday on a Sunday, say
        for (int y = year - 1; y <= year + 1; y++) {
            for (HolidayRule rule : rules) {
                Holiday holiday = rule.observedIn(y);
                if (holiday.date().getYear() == year) {
                    holidays.add(holiday);
                }
            }
        }
        for (Closure closure : closuresByYear.getOrDefault(year, List.of())) {
            holidays.add(new Holiday(closure.date(), closure.name(), true));
        }
        holidays.sort(ORDER);
        Map<LocalDate, String> names = new HashMap<>();
        for (Holiday holiday : holidays) {
            names.merge(holiday.date(), holiday.name(), (first, second) -> first + "; " + second);
        }
        return new ClosedDays(Collections.unmodifiableList(holidays), Map.copyOf(names));
    }

    private record ClosedDays(List<Holiday> holidays, Map<LocalDate, String> names) {}
}
