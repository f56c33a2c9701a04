package org.imrflow.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.imrflow.deadlines.ClockKind;
import org.imrflow.deadlines.ReviewType;
import org.imrflow.intake.Stage;

/**
 * A case as the view {@code case_overview} shows it: its application's headline and the due date of each of its
 * clocks, with the next deadline still to be met and the determination's.
 */
public record CaseOverview(long caseId, String caseNumber, Stage stage, ReviewType reviewType, LocalDate receivedDate,
                           String employeeName, Instant closedAt, Map<ClockKind, Instant> dueAt, ClockKind nextClock,
                           Instant nextDueAt, Instant determinationDueAt) {

    /** The due instant of the case's clock of this kind, met or not; null if the case has none. */
    public Instant due(ClockKind kind) {
        return dueAt.get(kind);
    }
}
