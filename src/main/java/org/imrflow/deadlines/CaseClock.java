package org.imrflow.deadlines;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One statutory clock of a case: its rule as applied, what started it and when, what it counts, when it is due,
 * and whether it was met, is running, or was missed.
 */
public record CaseClock(long id, long caseId, String caseNumber, ClockKind kind, String rule, String triggerEvent,
                        Instant triggeredAt, ClockUnit unit, int amount, Instant dueAt, Instant reminderAt,
                        ClockStatus status, Instant metAt, Instant missedAt) {

    /** The date it is due in California. */
    public LocalDate dueDate() {
        return BusinessTime.dateOf(dueAt);
    }

    /** Still to be met: running, or missed and not yet met. */
    public boolean open() {
        return metAt == null && (status == ClockStatus.RUNNING || status == ClockStatus.MISSED);
    }
}
