package org.imrflow.determination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.assignment.PanelReviews;
import org.imrflow.assignment.ReviewerAssignments;
import org.imrflow.audit.AuditLog;
import org.imrflow.correspondence.Letters;
import org.imrflow.correspondence.TerminationNoticeContent;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.CaseClocks;
import org.imrflow.deadlines.Delivery;
import org.imrflow.engine.CaseMessages;
import org.imrflow.engine.CaseProcess;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseLifecycle;
import org.imrflow.intake.CaseSummary;
import org.imrflow.intake.DisputedItem;
import org.imrflow.intake.Stage;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.tasks.TaskInbox;
import org.imrflow.web.Dates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Termination (8 CCR 9792.10.6(a)): the claims administrator authorized the disputed treatment before the
 * determination. A coordinator records it; in one transaction the case closes as terminated, its clocks stop,
 * its open tasks leave the inbox and the parties are sent the termination notice; after commit the case's
 * process ends ("Case terminated"). Recording the same termination again changes nothing.
 */
@Service
public class CaseTermination {

    static final int MAX_REASON = 2000;

    private final CaseFiles cases;
    private final CaseLifecycle lifecycle;
    private final CaseClocks clocks;
    private final TaskInbox tasks;
    private final Letters letters;
    private final CaseMessages messages;
    private final ReviewerAssignments assignments;
    private final BusinessTime time;
    private final Dates dates;
    private final AuditLog audit;
    private final PanelReviews panels;

    CaseTermination(CaseFiles cases, CaseLifecycle lifecycle, CaseClocks clocks, TaskInbox tasks, Letters letters,
                    CaseMessages messages, ReviewerAssignments assignments, BusinessTime time, Dates dates,
                    AuditLog audit, PanelReviews panels) {
        this.panels = panels;
        this.assignments = assignments;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.clocks = clocks;
        this.tasks = tasks;
        this.letters = letters;
        this.messages = messages;
        this.time = time;
        this.dates = dates;
        this.audit = audit;
    }

    @Transactional
    public void terminate(String caseNumber, LocalDate treatmentAuthorizedOn, String reason, Actor actor) {
        actor.require(Role.COORDINATOR);
        CaseSummary found = cases.visible(caseNumber, actor);
        String recorded = reason == null || reason.isBlank() ? null : reason.strip();
        check(found, treatmentAuthorizedOn, recorded);
        Stage stage = lifecycle.lockStage(found.id());
        if (stage == Stage.TERMINATED) {
            LocalDate earlier = lifecycle.treatmentAuthorizedOn(found.id());
            if (treatmentAuthorizedOn.equals(earlier)) {
                return;
            }
            throw new ConflictException("Case " + caseNumber + " was already terminated: the treatment was authorized on "
                    + dates.date(earlier) + ".");
        }
        if (stage.closed()) {
            throw new ConflictException("Case " + caseNumber + " is closed (" + stage.label() + "): it can no longer be "
                    + "terminated.");
        }
        CaseRef ref = new CaseRef(found.id(), found.caseNumber());
        Instant now = time.now();
        String why = "the claims administrator authorized the treatment on " + dates.date(treatmentAuthorizedOn);
        lifecycle.terminated(found.id(), now, treatmentAuthorizedOn, recorded);
        clocks.stopAll(ref, "Case terminated: " + why);
        tasks.withdraw(ref, CaseProcess.CASE_TRACK);
        panels.stopAll(ref);
        assignments.released(found.id());
        letters.issueTerminationNotice(ref, new TerminationNoticeContent(caseNumber, BusinessTime.dateOf(now),
                found.employeeName(), found.claimsAdministratorName(), treatmentAuthorizedOn,
                cases.items(found.id()).stream().map(DisputedItem::title).toList(), recorded),
                cases.recipients(found.id(), Delivery.MAIL));
        audit.record("CASE_TERMINATED", caseNumber, why);
        messages.announceAfterCommit(ref, CaseProcess.CASE_TERMINATED, caseNumber, Map.of());
    }

    private void check(CaseSummary found, LocalDate authorizedOn, String reason) {
        if (authorizedOn == null) {
            throw InvalidInputException.of("treatmentAuthorizedOn", "Enter the date the claims administrator authorized the treatment.");
        }
        if (authorizedOn.isAfter(time.today())) {
            throw InvalidInputException.of("treatmentAuthorizedOn", "The date of the authorization cannot be in the future.");
        }
        if (authorizedOn.isBefore(found.urDecisionDate())) {
            throw InvalidInputException.of("treatmentAuthorizedOn",
                    "The treatment cannot have been authorized before the UR decision that denied it.");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "Enter at most " + MAX_REASON + " characters.");
        }
    }
}
