package org.imrflow.casefile;

import java.time.Instant;
import java.time.LocalDate;
import org.imrflow.deadlines.BusinessCalendar;
import org.imrflow.deadlines.CaseClock;
import org.imrflow.deadlines.ClockKind;
import org.imrflow.deadlines.ClockStatus;

/**
 * A statutory clock as the case page, the dashboard and the API show it: what it measures, its rule, what started
 * it, when it is due and how many business days are left (negative: overdue) while it is open ({@code left}
 * says the same as the pages show it).
 */
public record CaseClockView(String name, String code, ClockKind kind, String rule, String trigger,
                            Instant triggeredAt, String unit, int amount, Instant dueAt, LocalDate dueDate,
                            ClockStatus status, Instant metAt, Instant missedAt, Integer businessDaysLeft,
                            boolean overdue, DaysLeft left) {

    static CaseClockView of(CaseClock clock, BusinessCalendar calendar, LocalDate today, Instant now) {
        DaysLeft left = clock.open() ? DaysLeft.of(clock.dueAt(), calendar, today, now) : null;
        return new CaseClockView(clock.kind().label(), clock.kind().code(), clock.kind(), clock.rule(),
                clock.triggerEvent(), clock.triggeredAt(), clock.unit().words(), clock.amount(), clock.dueAt(),
                clock.dueDate(), clock.status(), clock.metAt(), clock.missedAt(), left == null ? null : left.businessDays(),
                left != null && left.overdue(), left);
    }
}
