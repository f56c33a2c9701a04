package org.imrflow.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imrflow.deadlines.ClockKind;
import org.imrflow.intake.Stage;

/**
 * What the start page shows: the open cases by stage, and for staff who see every case the open deadlines
 * overdue, due today and due in the next business days (the soonest of each; all of them are counted per clock and
 * per stage), and the open cases by business days to their determination deadline.
 */
public record Dashboard(Map<Stage, Long> openCases, boolean deadlines, DueList overdue, DueList dueToday,
                        DueList dueSoon, List<Tally> byClock, List<Tally> byStage,
                        Map<DeterminationBucket, Long> byDetermination) {

    /** The deadlines a list shows, soonest first, of how many there are; the case list shows every one. */
    public record DueList(List<Due> shown, int total) {

        /** The first {@code limit} of {@code all}, which is sorted. */
        static DueList of(List<Due> all, int limit) {
            return new DueList(List.copyOf(all.subList(0, Math.min(limit, all.size()))), all.size());
        }

        static DueList none() {
            return new DueList(List.of(), 0);
        }

        public boolean more() {
            return total > shown.size();
        }
    }

    /** An open deadline of a case. */
    public record Due(String caseNumber, ClockKind clock, Stage stage, Instant dueAt, DaysLeft left) {}

    /** How many deadlines of a clock or a stage are overdue, due today and due soon. */
    public record Tally(ClockKind clock, Stage stage, long overdue, long dueToday, long dueSoon) {}
}
