package org.imrflow.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.stereotype.Component;

/**
 * The time the organization works in: now, and today in California. Every module asks it rather than the
 * system clock, so that a simulation ({@code imr.simulation.enabled}) moves them all.
 */
@Component
public class BusinessTime {

    private final Clock clock;

    BusinessTime(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BusinessCalendar.CALIFORNIA);
    }

    /** The date in California of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, BusinessCalendar.CALIFORNIA);
    }

    /** The last moment of a date in California: a deadline "on" a date is met until then. */
    public static Instant endOf(LocalDate date) {
        return date.atTime(LocalTime.of(23, 59, 59)).atZone(BusinessCalendar.CALIFORNIA).toInstant();
    }

    /** When a California business day's work begins: reminders go out then. */
    static Instant morningOf(LocalDate date) {
        return date.atTime(LocalTime.of(8, 0)).atZone(BusinessCalendar.CALIFORNIA).toInstant();
    }
}
