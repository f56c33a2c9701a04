package org.imrflow.assignment;

import java.util.Map;
import java.util.Set;
import org.imrflow.engine.CaseMessages;
import org.imrflow.engine.CaseProcess;
import org.imrflow.engine.CaseProcessLedger;
import org.imrflow.engine.CaseProcessStarter;
import org.imrflow.engine.CaseRef;
import org.imrflow.tasks.TaskInbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processes of a panel's reviewers ({@code bpmn/panel-review.bpmn}), one per reviewer on a track of its own:
 * started when the case is offered to them, taken up again at the review when the medical director returns the
 * panel's decision, stopped when they are withdrawn or the case closes; and the case's own process told when a
 * seat of the panel opens (a reviewer declined or was withdrawn) while it waits for the panel. Each change is
 * recorded in the ledger in the caller's transaction and reaches the engine after commit.
 */
@Component
public class PanelReviews {

    /** The element of the panel reviewer's process that a returned review starts again from. */
    static final String REVIEW_CASE = "Task_ReviewCase";

    /** The case's elements after which it waits for its panel ("Await the panel's reviews" is a receive task). */
    private static final Set<String> WAITING_FOR_THE_PANEL = Set.of("Task_AssignPanel", "Task_ReturnToPanel");

    private final CaseProcessStarter starter;
    private final CaseProcessLedger ledger;
    private final CaseMessages messages;
    private final TaskInbox tasks;
    private final ReviewerAssignments assignments;

    PanelReviews(CaseProcessStarter starter, CaseProcessLedger ledger, CaseMessages messages, TaskInbox tasks,
                 ReviewerAssignments assignments) {
        this.starter = starter;
        this.ledger = ledger;
        this.messages = messages;
        this.tasks = tasks;
        this.assignments = assignments;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void start(CaseRef ref, long assignmentId, String reviewerUsername) {
        starter.startAfterCommit(ref, PanelTracks.track(assignmentId), PanelTracks.PROCESS_ID,
                Map.of("reviewerUsername", reviewerUsername, "assignmentId", assignmentId));
    }

    /** The medical director returned the panel's decision: each reviewer reviews again, with the comments. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void returnAll(CaseRef ref) {
        for (ReviewerAssignments.Reviewing r : assignments.reviewing(ref.caseId())) {
            starter.startBeforeAfterCommit(ref, PanelTracks.track(r.assignmentId()), PanelTracks.PROCESS_ID,
                    Map.of("reviewerUsername", r.reviewer().username(), "assignmentId", r.assignmentId()),
                    REVIEW_CASE);
        }
    }

    /** The reviewer's process ends wherever it stands, and its open task leaves the inbox. */
    @Transactional(propagation = Propagation.MANDATORY)
    void stop(CaseRef ref, long assignmentId) {
        String track = PanelTracks.track(assignmentId);
        ledger.ended(ref, track);
        tasks.withdraw(ref, track);
        messages.announceAfterCommit(ref, CaseProcess.PANEL_REVIEW_STOPPED,
                PanelTracks.key(ref.caseNumber(), assignmentId), Map.of());
    }

    /** The case closed (terminated): every panel reviewer's process ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stopAll(CaseRef ref) {
        assignments.openAssignmentIds(ref.caseId()).forEach(id -> stop(ref, id));
    }

    /**
     * A seat of the panel opened: if the case waits for its panel, it goes back to the ranking for the seat. A
     * case not yet waiting (the coordinator is choosing the panel) counts its open seats when the choice is made.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void seatOpened(CaseRef ref) {
        if (ledger.waitsAfter(ref, CaseProcess.CASE_TRACK, WAITING_FOR_THE_PANEL)) {
            ledger.movedBefore(ref, CaseProcess.CASE_TRACK, CaseProcess.RANK_REVIEWERS_ELEMENT);
            messages.interruptAfterCommit(ref, CaseProcess.PANEL_SEAT_OPENED, ref.caseNumber());
        }
    }
}
