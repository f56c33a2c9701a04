package org.imrflow.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Due dates of the statutory deadlines, counted in California time.
 */
@Component
public class StatutoryClocks {

    public static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");

    /** LC 4610.6(d): 30 days for a standard review, 3 for an expedited one, from assignment. */
    static final int STANDARD_DETERMINATION_DAYS = 30;
    static final int EXPEDITED_DETERMINATION_DAYS = 3;

    private final Clock clock;

    public StatutoryClocks(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CALIFORNIA));
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate determinationDue(LocalDate assignedOn, boolean expedited) {
        return assignedOn.plusDays(expedited ? EXPEDITED_DETERMINATION_DAYS : STANDARD_DETERMINATION_DAYS);
    }

    /** The last moment of a due date, as the instant a task's due date is set to. */
    public static Instant endOf(LocalDate date) {
        return date.atTime(LocalTime.of(23, 59, 59)).atZone(CALIFORNIA).toInstant();
    }
}
