package org.imrflow.deadlines;

import java.time.Instant;
import java.time.LocalDate;

/** An entry of a clock's log: started, reminded, missed, met, extended, expedited, escalation handled. */
public record ClockEvent(long id, long clockId, ClockKind clock, String kind, Instant occurredAt, Instant dueBefore,
                         Instant dueAfter, Integer days, String approvedBy, LocalDate approvedOn, String detail,
                         String actor) {}
