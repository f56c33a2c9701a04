package org.imrflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The statutory deadlines as rules, counted in the California business calendar (domain.md §2.3). */
class DeadlineRulesTest {

    private final BusinessCalendar calendar = BusinessCalendar.california();
    private final DeadlineRules rules = new DeadlineRules(new DeadlineProperties(5, true, 2, 6));

    @Test
    void anExpeditedCaseAssignedTheMondayBeforeThanksgivingIsDueTheMondayAfter() {
        Schedule due = rules.determination(calendar, ClockKind.DETERMINATION_FROM_ASSIGNMENT, at(2026, 11, 23, 10),
                ReviewType.EXPEDITED);
        // 3 days from Monday 11/23 is Thanksgiving; the day after is a holiday too, then a weekend
        assertThat(BusinessTime.dateOf(due.dueAt())).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(due.dueAt()).isEqualTo(BusinessTime.endOf(LocalDate.of(2026, 11, 30)));
        assertThat(due.rule()).contains("3 days after the assignment (expedited)", "Labor Code 4610.6(d)", "CCP §12a");
        assertThat(due.unit()).isEqualTo(ClockUnit.CALENDAR_DAYS);
        // two business days before Monday 11/30 (counting back over the holidays): Tuesday 11/24, in the morning
        assertThat(due.reminderAt()).isEqualTo(at(2026, 11, 24, 8));
    }

    @Test
    void withoutTheExtensionToABusinessDayTheDeadlineFallsOnThanksgiving() {
        DeadlineRules literal = new DeadlineRules(new DeadlineProperties(5, false, 2, 6));
        Schedule due = literal.determination(calendar, ClockKind.DETERMINATION_FROM_ASSIGNMENT, at(2026, 11, 23, 10),
                ReviewType.EXPEDITED);
        assertThat(BusinessTime.dateOf(due.dueAt())).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(due.rule()).doesNotContain("CCP");
    }

    @Test
    void aStandardDeterminationIsDueThirtyDaysAfterItsTriggerAcrossTheYearEnd() {
        Schedule due = rules.determination(calendar, ClockKind.DETERMINATION_FROM_RECORDS, at(2026, 12, 2, 15),
                ReviewType.STANDARD);
        // 12/2 + 30 = Friday 1/1/2027, New Year's Day: the next business day is Monday 1/4
        assertThat(BusinessTime.dateOf(due.dueAt())).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(due.rule()).startsWith("30 days after the records were complete");
    }

    @Test
    void aFormularyDisputeIsDueInFiveBusinessDays() {
        Schedule due = rules.determination(calendar, ClockKind.DETERMINATION_FROM_ASSIGNMENT, at(2026, 11, 24, 9),
                ReviewType.FORMULARY);
        // Wed 11/25, (Thanksgiving, day after, weekend), Mon 11/30, Tue 12/1, Wed 12/2, Thu 12/3
        assertThat(BusinessTime.dateOf(due.dueAt())).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(due.unit()).isEqualTo(ClockUnit.BUSINESS_DAYS);
        assertThat(due.amount()).isEqualTo(5);
    }

    @Test
    void theNoticeOfAssignmentIsDueTheNextBusinessDay() {
        Schedule due = rules.notice(calendar, at(2026, 12, 24, 16));
        // Christmas Eve afternoon: Christmas is a holiday, then the weekend
        assertThat(BusinessTime.dateOf(due.dueAt())).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(due.reminderAt()).as("no reminder before a deadline of one business day").isNull();
    }

    @Test
    void recordsAreDueFifteenDaysAfterAMailedNoticeTwelveAfterAnElectronicOneAndInTwentyFourHoursIfExpedited() {
        Instant sent = at(2026, 3, 2, 11);
        assertThat(BusinessTime.dateOf(rules.records(calendar, sent, Delivery.MAIL, ReviewType.STANDARD).dueAt()))
                .isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(BusinessTime.dateOf(rules.records(calendar, sent, Delivery.ELECTRONIC, ReviewType.STANDARD).dueAt()))
                .isEqualTo(LocalDate.of(2026, 3, 16)); // 3/14 is a Saturday
        Schedule expedited = rules.records(calendar, sent, Delivery.MAIL, ReviewType.EXPEDITED);
        assertThat(expedited.dueAt()).isEqualTo(sent.plusSeconds(24 * 3600));
        assertThat(expedited.unit()).isEqualTo(ClockUnit.HOURS);
        assertThat(expedited.reminderAt()).isEqualTo(sent.plusSeconds(18 * 3600));
    }

    @Test
    void theFilingWindowAddsFiveDaysForAMailedUrDecision() {
        LocalDate served = LocalDate.of(2026, 1, 2);
        assertThat(BusinessTime.dateOf(rules.filing(calendar, served, Delivery.ELECTRONIC).dueAt()))
                .isEqualTo(LocalDate.of(2026, 2, 2)); // 2/1 is a Sunday
        Schedule mailed = rules.filing(calendar, served, Delivery.MAIL);
        assertThat(BusinessTime.dateOf(mailed.dueAt())).isEqualTo(LocalDate.of(2026, 2, 6));
        assertThat(mailed.rule()).contains("plus 5 for service by mail", "8 CCR 9792.10.1(b)(1)");
        assertThat(mailed.reminderAt()).isNull();
    }

    @Test
    void anExtensionAddsCalendarDaysAndEndsOnABusinessDay() {
        Instant due = BusinessTime.endOf(LocalDate.of(2026, 12, 22));
        assertThat(BusinessTime.dateOf(rules.extended(calendar, due, 3))).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(BusinessTime.dateOf(rules.extended(calendar, due, 1))).isEqualTo(LocalDate.of(2026, 12, 23));
    }

    @Test
    void anExpeditedConversionCountsFromTheConversion() {
        Instant converted = at(2026, 6, 1, 9);
        assertThat(rules.expedited(calendar, ClockKind.RECORDS, converted).dueAt()).isEqualTo(converted.plusSeconds(24 * 3600));
        assertThat(BusinessTime.dateOf(rules.expedited(calendar, ClockKind.DETERMINATION_FROM_RECORDS, converted).dueAt()))
                .isEqualTo(LocalDate.of(2026, 6, 4));
    }

    @Test
    void aDeadlineIsMetUntilTheEndOfItsLastDayInCalifornia() {
        Instant end = BusinessTime.endOf(LocalDate.of(2026, 7, 15));
        assertThat(end).isEqualTo(Instant.parse("2026-07-16T06:59:59Z"));
        assertThat(BusinessTime.dateOf(end)).isEqualTo(LocalDate.of(2026, 7, 15));
    }

    private static Instant at(int year, int month, int day, int hour) {
        return ZonedDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, 0), BusinessCalendar.CALIFORNIA)
                .toInstant();
    }
}
