package org.imrflow.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.imrflow.InvalidInputException;
import org.imrflow.assignment.Reviewer;
import org.imrflow.assignment.ReviewerAssignments;
import org.imrflow.audit.AuditLog;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseLifecycle;
import org.imrflow.intake.DisputedItem;
import org.imrflow.intake.Stage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinical review of a case: the reviewer's submission, the guideline check, the medical director's
 * quality review, and what the case file shows of them.
 */
@Service
public class ClinicalReviews {

    static final String GUIDELINE_CHECK = "GUIDELINE_CHECK";
    static final String QUALITY_REVIEW = "QUALITY_REVIEW";

    private final ReviewRepository reviews;
    private final CaseFiles cases;
    private final ReviewerAssignments assignments;
    private final CaseLifecycle lifecycle;
    private final AuditLog audit;
    private final LateDocuments lateDocuments;

    ClinicalReviews(ReviewRepository reviews, CaseFiles cases, ReviewerAssignments assignments,
                    CaseLifecycle lifecycle, AuditLog audit, LateDocuments lateDocuments) {
        this.reviews = reviews;
        this.cases = cases;
        this.assignments = assignments;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.lateDocuments = lateDocuments;
    }

    /** Documents that arrived during the review and that the reviewer has not yet submitted a review with. */
    @Transactional(readOnly = true)
    public List<Long> lateDocuments(long caseId) {
        return lateDocuments.unacknowledged(caseId);
    }

    /** Every disputed item with the reviewer's decision so far (null fields where not decided). */
    @Transactional(readOnly = true)
    public List<ItemReview> itemReviews(long caseId) {
        Map<Long, ReviewRepository.StoredDecision> decided = reviews.decisions(caseId).stream()
                .collect(Collectors.toMap(ReviewRepository.StoredDecision::itemId, Function.identity()));
        List<ItemReview> result = new ArrayList<>();
        for (DisputedItem item : cases.items(caseId)) {
            ReviewRepository.StoredDecision d = decided.get(item.id());
            result.add(d == null
                    ? new ItemReview(item.id(), item.title(), null, null, null, null, null)
                    : new ItemReview(item.id(), item.title(), d.decision(), d.guidelineSource(), d.guidelineCitation(),
                            d.mtusInapplicableReason(), d.decisionRationale()));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public String clinicalCaseSummary(long caseId) {
        return reviews.summary(caseId).orElse(null);
    }

    @Transactional(readOnly = true)
    public List<ReviewReturn> returns(long caseId) {
        return reviews.returns(caseId);
    }

    /** The "Review case" form's values: the summary and one row per disputed item. */
    @Transactional(readOnly = true)
    public Map<String, Object> reviewForm(long caseId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ItemReview item : itemReviews(caseId)) {
            Map<String, Object> row = new HashMap<>();
            row.put("itemId", BigDecimal.valueOf(item.itemId()));
            row.put("description", item.description());
            row.put("decision", item.decision() == null ? null : item.decision().name());
            row.put("guidelineSource", item.guidelineSource());
            row.put("guidelineCitation", item.guidelineCitation());
            row.put("mtusInapplicableReason", item.mtusInapplicableReason());
            row.put("decisionRationale", item.decisionRationale());
            rows.add(row);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("clinicalCaseSummary", clinicalCaseSummary(caseId));
        values.put("items", rows);
        return values;
    }

    /** Records the reviewer's submission. Only the reviewer who accepted the case may submit. */
    @Transactional
    public void submit(CaseRef ref, String username, String summary, List<Map<String, Object>> rows) {
        Reviewer reviewer = assignments.acceptedReviewer(ref.caseId())
                .filter(r -> r.username().equals(username))
                .orElseThrow(() -> InvalidInputException.of("items", "Only the case's reviewer can submit the review."));
        Set<Long> itemIds = cases.items(ref.caseId()).stream().map(DisputedItem::id).collect(Collectors.toSet());
        Set<Long> submitted = new java.util.HashSet<>();
        for (Map<String, Object> row : rows) {
            long itemId = ((Number) row.get("itemId")).longValue();
            if (!itemIds.contains(itemId) || !submitted.add(itemId)) {
                throw InvalidInputException.of("items", "The review must have one row for each disputed item.");
            }
            Object decision = row.get("decision");
            reviews.saveDecision(ref.caseId(), new ReviewRepository.StoredDecision(itemId,
                    decision == null ? null : Decision.valueOf((String) decision), (String) row.get("guidelineSource"),
                    (String) row.get("guidelineCitation"), (String) row.get("mtusInapplicableReason"),
                    (String) row.get("decisionRationale")), reviewer.username());
        }
        if (!submitted.equals(itemIds)) {
            throw InvalidInputException.of("items", "The review must have one row for each disputed item.");
        }
        reviews.saveSummary(ref.caseId(), summary, reviewer.username());
        reviews.resolveReturns(ref.caseId());
        lateDocuments.acknowledge(ref.caseId());
        audit.record("REVIEW_SUBMITTED", ref.caseNumber(), rows.size() + " item decisions");
    }

    /** The guideline check: PASSED moves the case to quality review, RETURNED sends it back with findings. */
    @Transactional
    public Map<String, Object> checkGuidelines(CaseRef ref) {
        List<String> findings = GuidelineCheck.findings(clinicalCaseSummary(ref.caseId()), itemReviews(ref.caseId()));
        if (findings.isEmpty()) {
            lifecycle.moveTo(ref.caseId(), Stage.QUALITY_REVIEW);
            audit.record("GUIDELINE_CHECK_PASSED", ref.caseNumber(), "");
            return Map.of("guidelineCheck", "PASSED");
        }
        reviews.addReturn(ref.caseId(), GUIDELINE_CHECK, String.join("\n", findings), AuditLog.SYSTEM);
        audit.record("GUIDELINE_CHECK_RETURNED", ref.caseNumber(), findings.size() + " findings");
        return Map.of("guidelineCheck", "RETURNED");
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
            reviews.addReturn(ref.caseId(), QUALITY_REVIEW, text, username);
            lifecycle.moveTo(ref.caseId(), Stage.CLINICAL_REVIEW);
            audit.record("QUALITY_REVIEW_RETURNED", ref.caseNumber(), "");
        }
    }
}
