package org.imrflow.assignment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.imrflow.InvalidInputException;
import org.imrflow.audit.AuditLog;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseLifecycle;
import org.imrflow.intake.Stage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers a case to the reviewer a coordinator chose, and records the reviewer's acceptance (with the
 * no-conflict attestation) or decline. Runs inside the task completion's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class AssignmentManagement {

    static final String ATTESTATION = "I attest that I have no material professional, familial or financial "
            + "affiliation with the parties of this case and no other conflict of interest.";

    private final ReviewerMatching matching;
    private final ReviewerRegistry registry;
    private final ReviewerAssignments assignments;
    private final CaseLifecycle lifecycle;
    private final AuditLog audit;
    private final PanelApprovals approvals;
    private final PanelReviews panels;

    AssignmentManagement(ReviewerMatching matching, ReviewerRegistry registry, ReviewerAssignments assignments,
                         CaseLifecycle lifecycle, AuditLog audit, PanelApprovals approvals, PanelReviews panels) {
        this.approvals = approvals;
        this.panels = panels;
        this.matching = matching;
        this.registry = registry;
        this.assignments = assignments;
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    /**
     * Screens the panel for the process: whether any reviewer may take the case, the options to choose from, and
     * who was not offered it and why.
     */
    public Map<String, Object> rankForSelection(CaseRef ref) {
        ReviewerMatching.Screening screening = matching.screen(ref.caseId());
        List<ReviewerMatching.Candidate> candidates = screening.candidates();
        lifecycle.moveTo(ref.caseId(), Stage.REVIEWER_SELECTION);
        audit.record("REVIEWERS_RANKED", ref.caseNumber(), candidates.size() + " qualified reviewers without conflict, "
                + screening.excluded().size() + " not offered");
        List<Map<String, String>> options = candidates.stream()
                .map(c -> Map.of("label", c.label(), "value", String.valueOf(c.reviewer().id())))
                .toList();
        int panelSize = approvals.size(ref.caseId());
        int seats = panelSize - assignments.currentReviewerIds(ref.caseId()).size();
        return Map.of("reviewerFound", candidates.size() >= Math.max(seats, 1), "reviewerOptions", options,
                "excludedReviewers", screening.excludedText(), "panelSize", panelSize,
                "panelSeats", panelSize == 1 ? "" : seatsText(panelSize, seats));
    }

    private static String seatsText(int panelSize, int seats) {
        return "The Administrative Director approved " + panelSize + " reviewers for this case: choose " + seats
                + (seats == 1 ? " reviewer" : " reviewers") + (seats == panelSize ? "." : " for the open seats.");
    }

    /**
     * Offers the case to the reviewers a coordinator chose for the open seats of the panel the Administrative
     * Director approved, each still a qualified, conflict-free candidate; each reviewer's process starts after commit.
     */
    public void offerPanel(CaseRef ref, List<Long> reviewerIds, String by) {
        int seats = approvals.size(ref.caseId()) - assignments.currentReviewerIds(ref.caseId()).size();
        if (reviewerIds.size() != seats || Set.copyOf(reviewerIds).size() != reviewerIds.size()) {
            throw InvalidInputException.of("reviewer1Id", "Choose " + seats + " different reviewer(s) for the open "
                    + "seats of the panel.");
        }
        Set<Long> candidates = matching.rank(ref.caseId()).stream().map(c -> c.reviewer().id())
                .collect(Collectors.toSet());
        for (int i = 0; i < reviewerIds.size(); i++) {
            if (!candidates.contains(reviewerIds.get(i))) {
                throw InvalidInputException.of("reviewer" + (i + 1) + "Id", "This reviewer can no longer take the "
                        + "case (declined, conflicted or inactive); choose another.");
            }
        }
        for (long reviewerId : reviewerIds) {
            Reviewer reviewer = registry.find(reviewerId).orElseThrow();
            long assignmentId = assignments.offer(ref.caseId(), reviewerId, by);
            panels.start(ref, assignmentId, reviewer.username());
            audit.record("REVIEWER_OFFERED", ref.caseNumber(), "offered to reviewer " + reviewerId + " of the panel");
        }
    }

    /** Offers the case to the chosen reviewer, who must still be a qualified, conflict-free candidate. */
    public String offer(CaseRef ref, long reviewerId, String by) {
        boolean stillCandidate = matching.rank(ref.caseId()).stream().anyMatch(c -> c.reviewer().id() == reviewerId);
        if (!stillCandidate) {
            throw InvalidInputException.of("reviewerId",
                    "This reviewer can no longer take the case (declined, conflicted or inactive); choose another.");
        }
        if (assignments.hasCurrent(ref.caseId())) {
            throw InvalidInputException.of("reviewerId", "The case is already offered to a reviewer.");
        }
        Reviewer reviewer = registry.find(reviewerId).orElseThrow();
        assignments.offer(ref.caseId(), reviewerId, by);
        audit.record("REVIEWER_OFFERED", ref.caseNumber(), "offered to reviewer " + reviewerId);
        return reviewer.username();
    }

    public void accept(CaseRef ref, String username, boolean attested) {
        if (!attested) {
            throw InvalidInputException.of("noConflictAttested",
                    "To accept, attest that you have no conflict of interest with this case.");
        }
        long offerId = currentOffer(ref, username);
        assignments.accept(offerId, ATTESTATION);
        lifecycle.moveTo(ref.caseId(), Stage.CLINICAL_REVIEW);
        audit.record("ASSIGNMENT_ACCEPTED", ref.caseNumber(), "reviewer attested no conflict of interest");
    }

    public void decline(CaseRef ref, String username, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("declineReason", "Say why you decline the case.");
        }
        long offerId = currentOffer(ref, username);
        assignments.decline(offerId, reason.strip());
        audit.record("ASSIGNMENT_DECLINED", ref.caseNumber(), "reviewer declined");
        if (approvals.size(ref.caseId()) > 1) {
            panels.seatOpened(ref);
        }
    }

    private long currentOffer(CaseRef ref, String username) {
        return registry.active().stream().filter(r -> r.username().equals(username)).findFirst()
                .flatMap(r -> assignments.currentOfferId(ref.caseId(), r.id()))
                .orElseThrow(() -> InvalidInputException.of("assignmentResponse",
                        "The case is not offered to you."));
    }
}
