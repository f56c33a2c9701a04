package org.imrflow.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.imrflow.deadlines.BusinessCalendar;
import org.imrflow.deadlines.BusinessCalendars;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.CaseClock;
import org.imrflow.deadlines.CaseClocks;
import org.imrflow.deadlines.ClockKind;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.Stage;
import org.imrflow.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the dashboard: what a coordinator must act on today. Only the deadlines of open cases count: a
 * closed case has nothing left to act on.
 */
@Service
class Dashboards {

    /**
     * The deadlines each list shows, soonest first. On a year of data the three lists held 760 deadlines, a page of
     * 339 KB; past this many a link leads to the case list filtered the same way.
     */
    static final int SHOWN = 50;

    private final CaseOverviewRepository overviews;
    private final CaseFiles cases;
    private final CaseClocks clocks;
    private final BusinessCalendars calendars;
    private final BusinessTime time;

    Dashboards(CaseOverviewRepository overviews, CaseFiles cases, CaseClocks clocks, BusinessCalendars calendars,
               BusinessTime time) {
        this.overviews = overviews;
        this.cases = cases;
        this.clocks = clocks;
        this.calendars = calendars;
        this.time = time;
    }

    @Transactional(readOnly = true)
    Dashboard of(Actor actor) {
        Optional<List<Long>> visible = cases.visibleCaseIds(actor);
        List<CaseOverview> open = overviews.open(visible);
        Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            if (!stage.closed()) {
                byStage.put(stage, 0L);
            }
        }
        open.forEach(c -> byStage.merge(c.stage(), 1L, Long::sum));
        if (!actor.seesAllCases()) {
            return new Dashboard(byStage, false, Dashboard.DueList.none(), Dashboard.DueList.none(),
                    Dashboard.DueList.none(), List.of(), List.of(), Map.of());
        }

        BusinessCalendar calendar = calendars.current();
        LocalDate today = time.today();
        Instant now = time.now();
        Map<Long, CaseOverview> openById = open.stream().collect(Collectors.toMap(CaseOverview::caseId, Function.identity()));
        List<Dashboard.Due> overdue = new ArrayList<>();
        List<Dashboard.Due> dueToday = new ArrayList<>();
        List<Dashboard.Due> dueSoon = new ArrayList<>();
        for (CaseClock clock : clocks.allOpen()) {
            CaseOverview c = openById.get(clock.caseId());
            if (c == null || clock.kind() == ClockKind.FILING) {
                continue;
            }
            DaysLeft left = DaysLeft.of(clock.dueAt(), calendar, today, now);
            Dashboard.Due due = new Dashboard.Due(c.caseNumber(), clock.kind(), c.stage(), clock.dueAt(), left);
            if (left.overdue()) {
                overdue.add(due);
            } else if (left.dueToday()) {
                dueToday.add(due);
            } else if (left.businessDays() <= CaseOverviews.SOON_BUSINESS_DAYS) {
                // 0 for a deadline on the weekend or holiday right after today: still due before the next business day
                dueSoon.add(due);
            }
        }
        Comparator<Dashboard.Due> soonestFirst = Comparator.comparing(Dashboard.Due::dueAt)
                .thenComparing(Dashboard.Due::caseNumber);
        overdue.sort(soonestFirst);
        dueToday.sort(soonestFirst);
        dueSoon.sort(soonestFirst);

        List<Dashboard.Tally> byClock = new ArrayList<>();
        for (ClockKind kind : ClockKind.values()) {
            if (kind != ClockKind.FILING) {
                byClock.add(tally(kind, null, d -> d.clock() == kind, overdue, dueToday, dueSoon));
            }
        }
        List<Dashboard.Tally> stages = byStage.keySet().stream()
                .map(stage -> tally(null, stage, d -> d.stage() == stage, overdue, dueToday, dueSoon))
                .toList();

        Map<DeterminationBucket, Long> byDetermination = new EnumMap<>(DeterminationBucket.class);
        for (DeterminationBucket bucket : DeterminationBucket.values()) {
            byDetermination.put(bucket, 0L);
        }
        for (CaseOverview c : open) {
            DaysLeft left = c.determinationDueAt() == null ? null
                    : DaysLeft.of(c.determinationDueAt(), calendar, today, now);
            byDetermination.merge(DeterminationBucket.of(left), 1L, Long::sum);
        }
        return new Dashboard(byStage, true, Dashboard.DueList.of(overdue, SHOWN), Dashboard.DueList.of(dueToday, SHOWN),
                Dashboard.DueList.of(dueSoon, SHOWN), byClock, stages, byDetermination);
    }

    private static Dashboard.Tally tally(ClockKind kind, Stage stage, Predicate<Dashboard.Due> of,
                                         List<Dashboard.Due> overdue, List<Dashboard.Due> dueToday,
                                         List<Dashboard.Due> dueSoon) {
        return new Dashboard.Tally(kind, stage, overdue.stream().filter(of).count(),
                dueToday.stream().filter(of).count(), dueSoon.stream().filter(of).count());
    }
}
