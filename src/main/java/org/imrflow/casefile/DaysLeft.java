package org.imrflow.casefile;

import java.time.Instant;
import java.time.LocalDate;
import org.imrflow.deadlines.BusinessCalendar;
import org.imrflow.deadlines.BusinessTime;

/**
 * How far an open deadline is, as the pages say it: business days left, due today, or business days overdue
 * (then {@code businessDays} is negative).
 */
public record DaysLeft(int businessDays, boolean overdue, boolean dueToday) {

    /**
     * Business days from {@code today} to the due date: positive left, 0 due today, negative overdue. A deadline
     * whose due instant has passed is at least one day overdue, even on its due date (a clock in hours).
     */
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
