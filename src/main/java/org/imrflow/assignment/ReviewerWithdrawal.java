package org.imrflow.assignment;

import java.util.Locale;
import org.imrflow.InvalidInputException;
import org.imrflow.audit.AuditLog;
import org.imrflow.engine.CaseMessages;
import org.imrflow.engine.CaseProcess;
import org.imrflow.engine.CaseProcessLedger;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseLifecycle;
import org.imrflow.intake.CaseSummary;
import org.imrflow.intake.Stage;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.tasks.TaskInbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reassignment: a coordinator withdraws the reviewer who accepted a case (they became unavailable, a conflict of
 * interest came to light) with a reason. In one transaction the assignment ends as withdrawn, the review's open
 * task leaves the inbox, the review entered so far is set aside ({@link ReviewerWithdrawn}: kept in the history,
 * hidden from the next reviewer) and the case stands before the ranking again; after commit the engine's expert
 * review is interrupted ("Reviewer withdrawn") and the panel is screened anew without the withdrawn reviewer.
 * Possible from the acceptance until the medical director approves the decision.
 */
@Service
public class ReviewerWithdrawal {

    static final int MAX_REASON = 2000;

    private final CaseFiles cases;
    private final CaseLifecycle lifecycle;
    private final ReviewerAssignments assignments;
    private final TaskInbox tasks;
    private final CaseProcessLedger ledger;
    private final CaseMessages messages;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final PanelApprovals approvals;
    private final PanelReviews panels;

    ReviewerWithdrawal(CaseFiles cases, CaseLifecycle lifecycle, ReviewerAssignments assignments, TaskInbox tasks,
                       CaseProcessLedger ledger, CaseMessages messages, ApplicationEventPublisher events,
                       AuditLog audit, PanelApprovals approvals, PanelReviews panels) {
        this.approvals = approvals;
        this.panels = panels;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.assignments = assignments;
        this.tasks = tasks;
        this.ledger = ledger;
        this.messages = messages;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public void withdraw(String caseNumber, String reason, Actor actor) {
        withdraw(caseNumber, reason, null, actor);
    }

    /**
     * Withdraws a reviewer: the case's reviewer, or the panel reviewer with the login {@code reviewer} (a panel's
     * other reviewers go on; the case is ranked again for the open seat).
     */
    @Transactional
    public void withdraw(String caseNumber, String reason, String reviewer, Actor actor) {
        actor.require(Role.COORDINATOR);
        CaseSummary found = cases.visible(caseNumber, actor);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw InvalidInputException.of("reason", "Say why the reviewer is withdrawn (unavailable, a conflict of "
                    + "interest found later).");
        }
        if (why.length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "Enter at most " + MAX_REASON + " characters.");
        }
        CaseRef ref = new CaseRef(found.id(), found.caseNumber());
        if (approvals.size(found.id()) > 1) {
            withdrawFromPanel(ref, why, reviewer, actor);
            return;
        }
        // the task rows first, then the case: the order a task's completion locks them in
        tasks.withdraw(ref, CaseProcess.CASE_TRACK);
        Stage stage = lifecycle.lockStage(found.id());
        long assignmentId = assignments.lockAccepted(found.id())
                .filter(id -> stage == Stage.CLINICAL_REVIEW || stage == Stage.QUALITY_REVIEW)
                .orElseThrow(() -> InvalidInputException.of("assignment", "Case " + caseNumber + " has no accepted "
                        + "assignment to withdraw (" + stage.label().toLowerCase(Locale.ROOT) + "): only a "
                        + "reviewer who accepted the case can be withdrawn, until the medical director approves the "
                        + "decision. A reviewer who has not answered an offer may decline it."));
        long reviewerId = assignments.withdraw(assignmentId, actor.username(), why);
        lifecycle.moveTo(found.id(), Stage.REVIEWER_SELECTION);
        events.publishEvent(new ReviewerWithdrawn(found.id(), caseNumber, assignmentId, reviewerId));
        ledger.movedBefore(ref, CaseProcess.CASE_TRACK, CaseProcess.RANK_REVIEWERS_ELEMENT);
        audit.record("REVIEWER_WITHDRAWN", caseNumber, "reviewer " + reviewerId + " withdrawn: " + why);
        messages.interruptAfterCommit(ref, CaseProcess.REVIEWER_WITHDRAWN, caseNumber);
    }

    private void withdrawFromPanel(CaseRef ref, String why, String reviewer, Actor actor) {
        if (reviewer == null || reviewer.isBlank()) {
            throw InvalidInputException.of("reviewer", "Name the panel reviewer to withdraw (their login).");
        }
        Stage stage = lifecycle.lockStage(ref.caseId());
        long assignmentId = assignments.lockAccepted(ref.caseId(), reviewer.strip())
                .filter(id -> stage == Stage.CLINICAL_REVIEW)
                .orElseThrow(() -> InvalidInputException.of("reviewer", reviewer.strip() + " has no accepted "
                        + "assignment to this case to withdraw while the panel reviews it (" + stage.label()
                        .toLowerCase(Locale.ROOT) + ")."));
        long reviewerId = assignments.withdraw(assignmentId, actor.username(), why);
        panels.stop(ref, assignmentId);
        events.publishEvent(new ReviewerWithdrawn(ref.caseId(), ref.caseNumber(), assignmentId, reviewerId));
        panels.seatOpened(ref);
        audit.record("REVIEWER_WITHDRAWN", ref.caseNumber(), "panel reviewer " + reviewerId + " withdrawn: " + why);
    }
}
