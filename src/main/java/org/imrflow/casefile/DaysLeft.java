package org.imrflow.casefile;

import java.time.Instant;
import java.time.LocalDate;
import org.imrflow.deadlines.BusinessCalendar;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.CaseClock;

/**
 * How far an open deadline is, as the pages say it: business days left, due today, or business days overdue
 * (then {@code businessDays} is negative).
 */
public record DaysLeft(int businessDays, boolean overdue, boolean dueToday) {

    static DaysLeft of(CaseClock clock, BusinessCalendar calendar, LocalDate today, Instant now) {
        return new DaysLeft(clock.businessDaysLeft(calendar, today, now), clock.overdue(now),
                clock.dueDate().equals(today));
    }

    /** For a due instant read without its clock (the case list): the rule of {@link CaseClock#businessDaysLeft}. */
    static DaysLeft of(Instant dueAt, BusinessCalendar calendar, LocalDate today, Instant now) {
        LocalDate dueDate = BusinessTime.dateOf(dueAt);
        boolean overdue = now.isAfter(dueAt);
        int left = calendar.businessDaysUntil(today, dueDate);
        return new DaysLeft(overdue && left >= 0 ? -1 : left, overdue, dueDate.equals(today));
    }

    public int overdueDays() {
        return -businessDays;
    }
}
