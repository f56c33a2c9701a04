package org.imrflow.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.imrflow.InvalidInputException;
import org.imrflow.assignment.Reviewer;
import org.imrflow.assignment.ReviewerAssignments;
import org.imrflow.assignment.ReviewerWithdrawn;
import org.imrflow.audit.AuditLog;
import org.imrflow.correspondence.GuidelineBasis;
import org.imrflow.assignment.PanelTracks;
import org.imrflow.engine.CaseMessages;
import org.imrflow.engine.CaseProcess;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseLifecycle;
import org.imrflow.intake.DisputedItem;
import org.imrflow.intake.Stage;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinical review of a case: the reviewer's submission, the guideline check, the medical director's
 * quality review, and what the case file shows of them.
 */
@Service
public class ClinicalReviews {

    /** The form of the medical director's quality review, of one reviewer's decision and of a panel's alike. */
    public static final String QUALITY_REVIEW_FORM = "quality-review";

    static final String GUIDELINE_CHECK = "GUIDELINE_CHECK";
    static final String QUALITY_REVIEW = "QUALITY_REVIEW";

    private final ReviewRepository reviews;
    private final CaseFiles cases;
    private final ReviewerAssignments assignments;
    private final CaseLifecycle lifecycle;
    private final AuditLog audit;
    private final LateDocuments lateDocuments;
    private final CaseMessages messages;

    ClinicalReviews(ReviewRepository reviews, CaseFiles cases, ReviewerAssignments assignments,
                    CaseLifecycle lifecycle, AuditLog audit, LateDocuments lateDocuments, CaseMessages messages) {
        this.reviews = reviews;
        this.cases = cases;
        this.assignments = assignments;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.lateDocuments = lateDocuments;
        this.messages = messages;
    }

    /** Documents that arrived during the review and that the reviewer has not yet submitted a review with. */
    @Transactional(readOnly = true)
    public List<Long> lateDocuments(long caseId) {
        return lateDocuments.unacknowledged(caseId);
    }

    /**
     * Every disputed item with the case's decision so far (null fields where not decided): the reviewer's, or for a
     * panel the majority's (an even split overturns), with each reviewer's opinion.
     */
    @Transactional(readOnly = true)
    public List<ItemReview> itemReviews(long caseId) {
        List<DisputedItem> items = cases.items(caseId);
        List<List<ItemReview>> opinions = reviews.decisions(caseId).values().stream()
                .map(decisions -> reviewed(items, decisions)).toList();
        if (opinions.size() <= 1) {
            return opinions.isEmpty() ? reviewed(items, List.of()) : opinions.getFirst();
        }
        List<ItemReview> combined = new ArrayList<>();
        for (int i = 0; i < opinions.getFirst().size(); i++) {
            int item = i;
            List<ItemReview> ofItem = opinions.stream().map(o -> o.get(item)).toList();
            combined.add(ItemReview.ofPanel(ofItem));
        }
        return combined;
    }

    /** One reviewer's decisions, an entry per disputed item of the case. */
    private List<ItemReview> reviewed(long caseId, List<ReviewRepository.StoredDecision> decisions) {
        return reviewed(cases.items(caseId), decisions);
    }

    private static List<ItemReview> reviewed(List<DisputedItem> items, List<ReviewRepository.StoredDecision> decisions) {
        Map<Long, ReviewRepository.StoredDecision> decided = decisions.stream()
                .collect(Collectors.toMap(ReviewRepository.StoredDecision::itemId, Function.identity()));
        List<ItemReview> result = new ArrayList<>();
        for (DisputedItem item : items) {
            ReviewRepository.StoredDecision d = decided.get(item.id());
            result.add(d == null
                    ? new ItemReview(item.id(), item.eligiblePortion(), null, null, null, null, null, null)
                    : new ItemReview(item.id(), item.eligiblePortion(), d.decision(), d.guidelineBasis(),
                            d.mtusCitation(), d.nonMtusCitation(), d.mtusInapplicableReason(), d.decisionRationale(),
                            d.verbatimGuideline()));
        }
        return result;
    }

    /** The clinical case summary: the reviewer's; for a panel, each reviewer's in turn. */
    @Transactional(readOnly = true)
    public String clinicalCaseSummary(long caseId) {
        List<String> summaries = clinicalCaseSummaries(caseId);
        if (summaries.size() <= 1) {
            return summaries.isEmpty() ? null : summaries.getFirst();
        }
        List<String> labelled = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            labelled.add("Expert Reviewer " + (i + 1) + ": " + summaries.get(i));
        }
        return String.join("\n\n", labelled);
    }

    /** Each reviewer's clinical case summary, in the order they were assigned. */
    @Transactional(readOnly = true)
    public List<String> clinicalCaseSummaries(long caseId) {
        return List.copyOf(reviews.summaries(caseId).values());
    }

    @Transactional(readOnly = true)
    public List<ReviewReturn> returns(long caseId) {
        return reviews.returns(caseId);
    }

    /** The "Review case" form's values for its reviewer: their own summary and one row per disputed item. */
    @Transactional(readOnly = true)
    public Map<String, Object> reviewForm(long caseId, String username) {
        long assignmentId = assignments.acceptedAssignmentId(caseId, username).orElse(ReviewRepository.IMPORTED);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ItemReview item : reviewed(caseId, reviews.decisions(caseId).getOrDefault(assignmentId, List.of()))) {
            Map<String, Object> row = new HashMap<>();
            row.put("itemId", BigDecimal.valueOf(item.itemId()));
            row.put("description", item.description());
            row.put("decision", item.decision() == null ? null : item.decision().name());
            row.put("guidelineBasis", item.guidelineBasis() == null ? null : item.guidelineBasis().name());
            row.put("mtusCitation", item.mtusCitation());
            row.put("nonMtusCitation", item.nonMtusCitation());
            row.put("mtusInapplicableReason", item.mtusInapplicableReason());
            row.put("decisionRationale", item.decisionRationale());
            rows.add(row);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("clinicalCaseSummary", reviews.summaries(caseId).get(assignmentId));
        values.put("items", rows);
        return values;
    }

    /** Records the reviewer's submission. Only a reviewer who accepted the case may submit, their own review. */
    @Transactional
    public void submit(CaseRef ref, String username, String summary, List<Map<String, Object>> rows) {
        long assignmentId = assignments.acceptedAssignmentId(ref.caseId(), username)
                .orElseThrow(() -> InvalidInputException.of("items", "Only the case's reviewer can submit the review."));
        Set<Long> itemIds = cases.items(ref.caseId()).stream().map(DisputedItem::id).collect(Collectors.toSet());
        Set<Long> submitted = new HashSet<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<ReviewRepository.StoredDecision> decisions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            long itemId = ((Number) row.get("itemId")).longValue();
            if (!itemIds.contains(itemId) || !submitted.add(itemId)) {
                throw InvalidInputException.of("items", "The review must have one row for each disputed item.");
            }
            Object decision = row.get("decision");
            Object basis = row.get("guidelineBasis");
            ReviewRepository.StoredDecision stored = new ReviewRepository.StoredDecision(itemId,
                    decision == null ? null : Decision.valueOf((String) decision),
                    basis == null ? null : GuidelineBasis.Kind.valueOf((String) basis), text(row, "mtusCitation"),
                    text(row, "nonMtusCitation"), text(row, "mtusInapplicableReason"), text(row, "decisionRationale"));
            checkBasis(stored, "items[" + i + "].", errors);
            decisions.add(stored);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        decisions.forEach(d -> reviews.saveDecision(ref.caseId(), assignmentId, d, username));
        if (!submitted.equals(itemIds)) {
            throw InvalidInputException.of("items", "The review must have one row for each disputed item.");
        }
        reviews.saveSummary(ref.caseId(), assignmentId, summary, username);
        reviews.resolveReturns(ref.caseId(), assignmentId);
        lateDocuments.acknowledge(ref.caseId());
        audit.record("REVIEW_SUBMITTED", ref.caseNumber(), rows.size() + " item decisions");
    }

    /**
     * Records the review of a case decided elsewhere, as its Final Determination Letter states it (administrators,
     * in the import's transaction): the clinical case summary and each item's decision, basis and rationale. The
     * letter does not say why the MTUS did not apply to a decision based outside it, so no reason is recorded.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordImported(CaseRef ref, String clinicalCaseSummary, List<ImportedDecision> decisions, Actor actor) {
        actor.require(Role.ADMIN);
        reviews.insertImportedSummary(ref.caseId(), clinicalCaseSummary, actor.username());
        for (ImportedDecision d : decisions) {
            reviews.insertImportedDecision(ref.caseId(), d.itemId(), d.decision(), d.basis(), d.decisionRationale(),
                    actor.username());
        }
        audit.record("REVIEW_IMPORTED", ref.caseNumber(), decisions.size() + " item decisions from the imported letter");
    }

    /** One item's decision as a letter issued elsewhere states it. */
    public record ImportedDecision(long itemId, Decision decision, GuidelineBasis basis, String decisionRationale) {}

    /**
     * What cannot stand together is refused at once: a citation the basis does not print ("no evidence" with a
     * citation), and a basis outside the MTUS without the reason the MTUS does not apply (LC 4610.5(c)(2): a
     * lower standard only where every higher one is inapplicable). What is missing is for the guideline check.
     */
    private static void checkBasis(ReviewRepository.StoredDecision d, String path, Map<String, String> errors) {
        GuidelineBasis.Kind basis = d.guidelineBasis();
        boolean mtus = basis == GuidelineBasis.Kind.MTUS || basis == GuidelineBasis.Kind.MTUS_AND_NON_MTUS;
        boolean nonMtus = basis == GuidelineBasis.Kind.NON_MTUS || basis == GuidelineBasis.Kind.MTUS_AND_NON_MTUS;
        if (basis == GuidelineBasis.Kind.VERBATIM) {
            errors.put(path + "guidelineBasis", "Choose MTUS, NON_MTUS, MTUS_AND_NON_MTUS or NO_EVIDENCE.");
        }
        if (d.mtusCitation() != null && !mtus) {
            errors.put(path + "mtusCitation", basis == GuidelineBasis.Kind.NO_EVIDENCE
                    ? "No evidence was cited: leave the MTUS citation empty." : "This basis cites no MTUS guideline: leave it empty.");
        }
        if (d.nonMtusCitation() != null && !nonMtus) {
            errors.put(path + "nonMtusCitation", basis == GuidelineBasis.Kind.NO_EVIDENCE
                    ? "No evidence was cited: leave the non-MTUS citation empty." : "This basis cites no other guideline: leave it empty.");
        }
        if (basis == GuidelineBasis.Kind.NON_MTUS && d.mtusInapplicableReason() == null) {
            errors.put(path + "mtusInapplicableReason", "Say why the MTUS does not apply to this item.");
        } else if (basis != GuidelineBasis.Kind.NON_MTUS && d.mtusInapplicableReason() != null) {
            errors.put(path + "mtusInapplicableReason", "The MTUS was used or nothing was cited: leave the reason empty.");
        }
    }

    private static String text(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    /** The withdrawn reviewer's review is set aside, kept for the history; the next reviewer starts afresh. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void reviewerWithdrawn(ReviewerWithdrawn withdrawn) {
        reviews.supersede(withdrawn.caseId(), withdrawn.assignmentId());
        audit.record("REVIEW_SET_ASIDE", withdrawn.caseNumber(), "the withdrawn reviewer's review is kept in the history");
    }

    /**
     * The guideline check of one reviewer's review (the one who works on {@code track}: a panel reviewer's own
     * track, or the case's reviewer on the case's track). PASSED moves the case to quality review once every review
     * of the case passes and none is returned to its reviewer; for a panel the case's process then leaves its wait for
     * the panel. RETURNED sends the review back to its reviewer with the findings.
     */
    @Transactional
    public Map<String, Object> checkGuidelines(CaseRef ref, String track) {
        Stage stage = lifecycle.lockStage(ref.caseId());
        List<ReviewerAssignments.Reviewing> reviewing = assignments.reviewing(ref.caseId());
        long assignmentId = PanelTracks.assignmentOf(track)
                .orElseGet(() -> reviewing.isEmpty() ? ReviewRepository.IMPORTED : reviewing.getFirst().assignmentId());
        // the case's items, summaries and decisions read once for every review checked below
        List<DisputedItem> items = cases.items(ref.caseId());
        Map<Long, String> summaries = reviews.summaries(ref.caseId());
        Map<Long, List<ReviewRepository.StoredDecision>> decisions = reviews.decisions(ref.caseId());
        Function<Long, List<String>> findingsOf = assignment -> GuidelineCheck.findings(summaries.get(assignment),
                reviewed(items, decisions.getOrDefault(assignment, List.of())));
        List<String> findings = findingsOf.apply(assignmentId);
        if (!findings.isEmpty()) {
            reviews.addReturn(ref.caseId(), assignmentId, GUIDELINE_CHECK, String.join("\n", findings), AuditLog.SYSTEM);
            audit.record("GUIDELINE_CHECK_RETURNED", ref.caseNumber(), findings.size() + " findings");
            return Map.of("guidelineCheck", "RETURNED");
        }
        audit.record("GUIDELINE_CHECK_PASSED", ref.caseNumber(), reviewing.size() > 1
                ? "expert reviewer " + (position(reviewing, assignmentId) + 1) + " of " + reviewing.size() : "");
        // a review returned to its reviewer (by the medical director, to every reviewer of a panel) has not passed
        // until it is submitted again, whatever its earlier version would pass
        List<ReviewReturn> open = reviews.returns(ref.caseId()).stream().filter(ReviewReturn::open).toList();
        boolean everyReviewPassed = reviewing.stream().allMatch(r -> findingsOf.apply(r.assignmentId()).isEmpty()
                && open.stream().noneMatch(o -> o.assignmentId() == null || o.assignmentId() == r.assignmentId()));
        // the checks of a panel's last reviews take the stage's lock in turn: only the first to find every review
        // passed ends the wait, so no second message is left for the panel's next wait (after a return)
        if (everyReviewPassed && stage != Stage.QUALITY_REVIEW) {
            lifecycle.moveTo(ref.caseId(), Stage.QUALITY_REVIEW);
            if (PanelTracks.isPanelTrack(track)) {
                messages.endWaitAfterCommit(ref, CaseProcess.CASE_TRACK, CaseProcess.AWAIT_PANEL,
                        CaseProcess.PANEL_REVIEWED, ref.caseNumber(), Map.of());
            }
        }
        return Map.of("guidelineCheck", "PASSED");
    }

    /**
     * What the guideline check finds now in each review of the case, one entry per reviewer in the order they were
     * assigned: the same rules as {@link #checkGuidelines}, read without recording anything. At the quality review
     * every entry has passed, unless the review changed after its check.
     */
    @Transactional(readOnly = true)
    public List<GuidelineFindings> guidelineFindings(long caseId) {
        List<DisputedItem> items = cases.items(caseId);
        Map<Long, String> summaries = reviews.summaries(caseId);
        Map<Long, List<ReviewRepository.StoredDecision>> decisions = reviews.decisions(caseId);
        List<Long> assignmentIds = assignments.reviewing(caseId).stream()
                .map(ReviewerAssignments.Reviewing::assignmentId).toList();
        if (assignmentIds.isEmpty()) {
            assignmentIds = List.of(ReviewRepository.IMPORTED);
        }
        List<GuidelineFindings> found = new ArrayList<>();
        for (long assignmentId : assignmentIds) {
            found.add(new GuidelineFindings(found.size() + 1, GuidelineCheck.findings(summaries.get(assignmentId),
                    reviewed(items, decisions.getOrDefault(assignmentId, List.of())))));
        }
        return found;
    }

    private static int position(List<ReviewerAssignments.Reviewing> reviewing, long assignmentId) {
        for (int i = 0; i < reviewing.size(); i++) {
            if (reviewing.get(i).assignmentId() == assignmentId) {
                return i;
            }
        }
        return -1;
    }

    /** The medical director approves the review, or returns it to the reviewer with comments. */
    @Transactional
    public void qualityReview(CaseRef ref, String username, boolean approve, String comments) {
        String text = comments == null ? "" : comments.strip();
        if (approve) {
            reviews.addQualityReview(ref.caseId(), "APPROVED", text, username);
            lifecycle.moveTo(ref.caseId(), Stage.NOTICE);
            audit.record("QUALITY_REVIEW_APPROVED", ref.caseNumber(), "");
        } else {
            if (text.isEmpty()) {
                throw InvalidInputException.of("qaComments", "Say what the reviewer must correct.");
            }
            reviews.addQualityReview(ref.caseId(), "RETURNED", text, username);
            assignments.reviewing(ref.caseId()).forEach(r ->
                    reviews.addReturn(ref.caseId(), r.assignmentId(), QUALITY_REVIEW, text, username));
            lifecycle.moveTo(ref.caseId(), Stage.CLINICAL_REVIEW);
            audit.record("QUALITY_REVIEW_RETURNED", ref.caseNumber(), "");
        }
    }
}
