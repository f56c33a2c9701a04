package org.imrflow.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The statutory deadlines as rules (domain.md §2.3): from a trigger to a due instant, counted in the business
 * calendar of the day. A deadline counted in days ends at the end of its last day in California; one counted
 * in calendar days whose last day is a weekend or holiday ends on the next business day
 * ({@code imr.deadlines.extend-to-business-day}, CCP §12a).
 */
@Component
class DeadlineRules {

    static final int FILING_DAYS = 30;
    static final int NOTICE_BUSINESS_DAYS = 1;
    static final int RECORDS_DAYS_MAILED = 15;
    static final int RECORDS_DAYS_ELECTRONIC = 12;
    static final int RECORDS_HOURS_EXPEDITED = 24;
    static final int DETERMINATION_DAYS = 30;
    static final int DETERMINATION_DAYS_EXPEDITED = 3;
    static final int DETERMINATION_BUSINESS_DAYS_FORMULARY = 5;
    /** T10x: the Administrative Director may extend a determination by up to 3 days. */
    static final int MOST_EXTENSION_DAYS = 3;

    private final DeadlineProperties properties;

    DeadlineRules(DeadlineProperties properties) {
        this.properties = properties;
    }

    /** T1: the application is due 30 days after the UR decision was served, plus the mail allowance. */
    Schedule filing(BusinessCalendar calendar, LocalDate servedOn, Delivery served) {
        int days = FILING_DAYS + (served == Delivery.MAIL ? properties.mailServiceDays() : 0);
        String rule = FILING_DAYS + " days after the UR decision was served"
                + (served == Delivery.MAIL ? ", plus " + properties.mailServiceDays() + " for service by mail" : "");
        return days(calendar, rule, ClockKind.FILING, servedOn.atStartOfDay(BusinessCalendar.CALIFORNIA).toInstant(),
                days, false);
    }

    /** T4: the Notice of Assignment and Request for Information within 1 business day of eligibility. */
    Schedule notice(BusinessCalendar calendar, Instant eligibleAt) {
        return businessDays(calendar, NOTICE_BUSINESS_DAYS + " business day after the eligibility finding",
                ClockKind.NOTICE_OF_ASSIGNMENT, eligibleAt, NOTICE_BUSINESS_DAYS);
    }

    /** T5: records 15 days after a mailed notice, 12 after an electronic one, 24 hours if expedited. */
    Schedule records(BusinessCalendar calendar, Instant noticeSentAt, Delivery delivery, ReviewType type) {
        if (type == ReviewType.EXPEDITED) {
            return hours(RECORDS_HOURS_EXPEDITED + " hours after the notice of an expedited review",
                    ClockKind.RECORDS, noticeSentAt, RECORDS_HOURS_EXPEDITED);
        }
        int days = delivery == Delivery.MAIL ? RECORDS_DAYS_MAILED : RECORDS_DAYS_ELECTRONIC;
        return days(calendar, days + " days after the Notice of Assignment was " + delivery.past(), ClockKind.RECORDS,
                noticeSentAt, days, true);
    }

    /** T10: 30 days, 3 if expedited, 5 business days for a formulary dispute. */
    Schedule determination(BusinessCalendar calendar, ClockKind kind, Instant trigger, ReviewType type) {
        String from = kind == ClockKind.DETERMINATION_FROM_RECORDS ? "the records were complete" : "the assignment";
        return switch (type) {
            case STANDARD -> days(calendar, DETERMINATION_DAYS + " days after " + from, kind, trigger,
                    DETERMINATION_DAYS, true);
            case EXPEDITED -> days(calendar, DETERMINATION_DAYS_EXPEDITED + " days after " + from + " (expedited)",
                    kind, trigger, DETERMINATION_DAYS_EXPEDITED, true);
            case FORMULARY -> businessDays(calendar, DETERMINATION_BUSINESS_DAYS_FORMULARY + " business days after "
                    + from + " (formulary dispute)", kind, trigger, DETERMINATION_BUSINESS_DAYS_FORMULARY);
        };
    }

    /** The schedule a running clock switches to when the case becomes expedited at {@code convertedAt}. */
    Schedule expedited(BusinessCalendar calendar, ClockKind kind, Instant convertedAt) {
        return kind == ClockKind.RECORDS
                ? records(calendar, convertedAt, Delivery.ELECTRONIC, ReviewType.EXPEDITED)
                : determination(calendar, kind, convertedAt, ReviewType.EXPEDITED);
    }

    /** A due date moved by {@code days} calendar days (an extension), then to a business day if it must. */
    Instant extended(BusinessCalendar calendar, Instant dueAt, int days) {
        LocalDate due = BusinessTime.dateOf(dueAt).plusDays(days);
        return BusinessTime.endOf(properties.extendToBusinessDay() ? calendar.onOrAfter(due) : due);
    }

    /** The reminder before a due instant: business days before a day deadline, hours before an hour one. */
    Instant reminder(BusinessCalendar calendar, ClockUnit unit, Instant trigger, Instant dueAt) {
        Instant reminder;
        if (unit == ClockUnit.HOURS) {
            if (properties.reminderHours() == 0) {
                return null;
            }
            reminder = dueAt.minus(Duration.ofHours(properties.reminderHours()));
        } else {
            if (properties.reminderBusinessDays() == 0) {
                return null;
            }
            reminder = BusinessTime.morningOf(calendar.plusBusinessDays(BusinessTime.dateOf(dueAt),
                    -properties.reminderBusinessDays()));
        }
        return reminder.isAfter(trigger) ? reminder : null;
    }

    private Schedule days(BusinessCalendar calendar, String rule, ClockKind kind, Instant trigger, int days,
                          boolean remind) {
        LocalDate last = BusinessTime.dateOf(trigger).plusDays(days);
        String text = rule + " (" + kind.source() + ")";
        if (properties.extendToBusinessDay()) {
            last = calendar.onOrAfter(last);
            text += "; a last day on a weekend or holiday moves to the next business day (CCP §12a)";
        }
        Instant due = BusinessTime.endOf(last);
        return new Schedule(text, ClockUnit.CALENDAR_DAYS, days, due,
                remind ? reminder(calendar, ClockUnit.CALENDAR_DAYS, trigger, due) : null);
    }

    private Schedule businessDays(BusinessCalendar calendar, String rule, ClockKind kind, Instant trigger, int days) {
        Instant due = BusinessTime.endOf(calendar.plusBusinessDays(BusinessTime.dateOf(trigger), days));
        return new Schedule(rule + " (" + kind.source() + ")", ClockUnit.BUSINESS_DAYS, days, due,
                reminder(calendar, ClockUnit.BUSINESS_DAYS, trigger, due));
    }

    private Schedule hours(String rule, ClockKind kind, Instant trigger, int hours) {
        Instant due = trigger.plus(Duration.ofHours(hours));
        return new Schedule(rule + " (" + kind.source() + ")", ClockUnit.HOURS, hours, due,
                reminder(null, ClockUnit.HOURS, trigger, due));
    }
}
