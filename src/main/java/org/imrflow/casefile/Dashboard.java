package org.imrflow.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imrflow.deadlines.ClockKind;
import org.imrflow.intake.Stage;

/**
 * What the start page shows: the open cases by stage, and for staff who see every case the open deadlines
 * overdue, due today and due in the next business days, counted per clock and per stage, and the open cases by
 * business days to their determination deadline.
 */
public record Dashboard(Map<Stage, Long> openCases, boolean deadlines, List<Due> overdue, List<Due> dueToday,
                        List<Due> dueSoon, List<Tally> byClock, List<Tally> byStage,
                        Map<DeterminationBucket, Long> byDetermination) {

    /** An open deadline of a case. */
    public record Due(String caseNumber, ClockKind clock, Stage stage, Instant dueAt, DaysLeft left) {}

    /** How many deadlines of a clock or a stage are overdue, due today and due soon. */
    public record Tally(ClockKind clock, Stage stage, long overdue, long dueToday, long dueSoon) {}
}
