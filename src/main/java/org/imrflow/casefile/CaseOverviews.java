package org.imrflow.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.imrflow.deadlines.BusinessCalendar;
import org.imrflow.deadlines.BusinessCalendars;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.intake.CaseFiles;
import org.imrflow.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case list: the cases the actor may see, searched, filtered by stage and by where a clock's deadline stands,
 * sorted by any clock, a page at a time, each with its next deadline counted in business days.
 */
@Service
class CaseOverviews {

    /** "Due soon" is due by the end of this many business days after today. */
    static final int SOON_BUSINESS_DAYS = 3;

    private final CaseOverviewRepository overviews;
    private final CaseFiles cases;
    private final BusinessCalendars calendars;
    private final BusinessTime time;

    CaseOverviews(CaseOverviewRepository overviews, CaseFiles cases, BusinessCalendars calendars, BusinessTime time) {
        this.overviews = overviews;
        this.cases = cases;
        this.calendars = calendars;
        this.time = time;
    }

    @Transactional(readOnly = true)
    CasePage search(CaseSearch search, Actor actor) {
        BusinessCalendar calendar = calendars.current();
        LocalDate today = time.today();
        Instant now = time.now();
        CaseOverviewRepository.Page page = overviews.search(search, cases.visibleCaseIds(actor),
                new CaseOverviewRepository.DueWindow(now, startOf(today.plusDays(1)), soonEnd(calendar, today)));
        List<CasePage.Row> rows = page.cases().stream()
                .map(c -> new CasePage.Row(c, c.nextDueAt() == null ? null : DaysLeft.of(c.nextDueAt(), calendar, today, now)))
                .toList();
        return new CasePage(rows, page.hasPrevious(), page.hasNext(), page.total());
    }

    /**
     * The first instant past the due-soon window: the start of the {@code SOON_BUSINESS_DAYS + 1}-th business
     * day, so that a deadline on the weekend or holiday before it (0 more business days) is still in the window.
     */
    static Instant soonEnd(BusinessCalendar calendar, LocalDate today) {
        return startOf(calendar.plusBusinessDays(today, SOON_BUSINESS_DAYS + 1));
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(BusinessCalendar.CALIFORNIA).toInstant();
    }
}
