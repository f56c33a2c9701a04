package org.imrflow.casefile;

import org.imrflow.intake.Stage;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;

/**
 * Which of the coordinator's actions the case page offers the actor: only those their role allows and that
 * apply to the case as it stands. The services check again on every request.
 */
public record CaseActions(boolean addDocument, boolean markRecordsComplete, boolean expedite,
                          boolean extendDetermination, boolean requestInformation, boolean terminate,
                          boolean withdrawReviewer, boolean approvePanel) {

    static CaseActions of(CaseFile file, Actor actor) {
        boolean coordinator = actor.has(Role.COORDINATOR);
        boolean open = !file.summary().stage().closed();
        boolean recordsOutstanding = file.records() != null && file.records().completedAt() == null;
        boolean determinationRunning = file.clocks().stream()
                .anyMatch(clock -> clock.kind().determination() && clock.left() != null);
        return new CaseActions(coordinator && open, coordinator && open && recordsOutstanding,
                coordinator && open && !file.summary().expedited(),
                (coordinator || actor.has(Role.MEDICAL_DIRECTOR)) && open && determinationRunning,
                coordinator && file.summary().stage() == Stage.ELIGIBILITY, coordinator && open,
                coordinator && (file.summary().stage() == Stage.CLINICAL_REVIEW
                        || file.summary().stage() == Stage.QUALITY_REVIEW && file.panelApproval() == null),
                (coordinator || actor.has(Role.MEDICAL_DIRECTOR))
                        && (file.summary().stage() == Stage.ELIGIBILITY || file.summary().stage() == Stage.RECORDS));
    }

    public boolean any() {
        return addDocument || markRecordsComplete || expedite || extendDetermination || requestInformation || terminate
                || withdrawReviewer || approvePanel;
    }
}
