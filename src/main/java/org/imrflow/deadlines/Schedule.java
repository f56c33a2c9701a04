package org.imrflow.deadlines;

import java.time.Instant;

/** When a clock is due, by which rule, and when to remind of it (null: no reminder). */
record Schedule(String rule, ClockUnit unit, int amount, Instant dueAt, Instant reminderAt) {}
