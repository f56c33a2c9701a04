package org.imrflow.review;

import java.util.List;
import java.util.Optional;
import org.imrflow.correspondence.GuidelineBasis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The review tables: clinical_review, item_decision, review_return, quality_review. */
@Repository
class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> summary(long caseId) {
        return jdbc.sql("select clinical_case_summary from clinical_review where case_id = :case and superseded_at is null")
                .param("case", caseId).query(String.class).optional();
    }

    /** The summary of a review done elsewhere, imported with its letter: stored once, as it was. */
    void insertImportedSummary(long caseId, String summary, String by) {
        jdbc.sql("""
                insert into clinical_review (case_id, clinical_case_summary, submitted_at, submitted_by)
                values (:case, :summary, now(), :by)""")
                .param("case", caseId).param("summary", summary).param("by", by).update();
    }

    /** A decision imported with its letter: the organization's basis as the letter states it. */
    void insertImportedDecision(long caseId, long itemId, Decision decision, GuidelineBasis basis, String rationale,
                                String by) {
        jdbc.sql("""
                insert into item_decision (disputed_item_id, case_id, decision, guideline_basis, mtus_citation,
                    non_mtus_citation, guideline_verbatim, decision_rationale, decided_at, decided_by)
                values (:item, :case, :decision, :basis, :mtus, :nonMtus, :verbatim, :rationale, now(), :by)""")
                .param("item", itemId).param("case", caseId).param("decision", decision.name())
                .param("basis", basis.kind().name()).param("mtus", basis.mtusCitation())
                .param("nonMtus", basis.nonMtusCitation()).param("verbatim", basis.verbatim())
                .param("rationale", rationale).param("by", by).update();
    }

    void saveSummary(long caseId, String summary, String by) {
        jdbc.sql("""
                insert into clinical_review (case_id, clinical_case_summary, submitted_at, submitted_by)
                values (:case, :summary, now(), :by)
                on conflict (case_id) where superseded_at is null do update set clinical_case_summary = excluded.clinical_case_summary,
                    submitted_at = now(), submitted_by = excluded.submitted_by, rounds = clinical_review.rounds + 1""")
                .param("case", caseId).param("summary", summary).param("by", by).update();
    }

    /** Decisions by disputed item id; items not yet decided are absent. */
    List<StoredDecision> decisions(long caseId) {
        return jdbc.sql("""
                select disputed_item_id, decision, guideline_basis, mtus_citation, non_mtus_citation,
                       mtus_inapplicable_reason, decision_rationale, guideline_verbatim
                from item_decision where case_id = :case and superseded_at is null""")
                .param("case", caseId)
                .query((rs, i) -> new StoredDecision(rs.getLong(1),
                        rs.getString(2) == null ? null : Decision.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : GuidelineBasis.Kind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    void saveDecision(long caseId, StoredDecision decision, String by) {
        jdbc.sql("""
                insert into item_decision (disputed_item_id, case_id, decision, guideline_basis, mtus_citation,
                    non_mtus_citation, mtus_inapplicable_reason, decision_rationale, decided_at, decided_by)
                values (:item, :case, :decision, :basis, :mtus, :nonMtus, :reason, :rationale, now(), :by)
                on conflict (disputed_item_id) where superseded_at is null do update set decision = excluded.decision,
                    guideline_basis = excluded.guideline_basis, mtus_citation = excluded.mtus_citation,
                    non_mtus_citation = excluded.non_mtus_citation,
                    mtus_inapplicable_reason = excluded.mtus_inapplicable_reason,
                    decision_rationale = excluded.decision_rationale, decided_at = now(), decided_by = excluded.decided_by""")
                .param("item", decision.itemId()).param("case", caseId)
                .param("decision", decision.decision() == null ? null : decision.decision().name())
                .param("basis", decision.guidelineBasis() == null ? null : decision.guidelineBasis().name())
                .param("mtus", decision.mtusCitation()).param("nonMtus", decision.nonMtusCitation())
                .param("reason", decision.mtusInapplicableReason()).param("rationale", decision.decisionRationale())
                .param("by", by).update();
    }

    /**
     * The case's review by a withdrawn reviewer leaves the case's review: its summary and decisions stay, superseded,
     * and its open returns are resolved.
     */
    void supersede(long caseId) {
        jdbc.sql("update clinical_review set superseded_at = now() where case_id = :case and superseded_at is null")
                .param("case", caseId).update();
        jdbc.sql("update item_decision set superseded_at = now() where case_id = :case and superseded_at is null")
                .param("case", caseId).update();
        resolveReturns(caseId);
    }

    void addReturn(long caseId, String source, String notes, String by) {
        jdbc.sql("insert into review_return (case_id, source, notes, returned_by) values (:case, :source, :notes, :by)")
                .param("case", caseId).param("source", source).param("notes", notes).param("by", by).update();
    }

    void resolveReturns(long caseId) {
        jdbc.sql("update review_return set resolved_at = now() where case_id = :case and resolved_at is null")
                .param("case", caseId).update();
    }

    List<ReviewReturn> returns(long caseId) {
        return jdbc.sql("""
                select id, source, notes, returned_by, created_at, resolved_at from review_return
                where case_id = :case order by id""")
                .param("case", caseId)
                .query((rs, i) -> new ReviewReturn(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    void addQualityReview(long caseId, String outcome, String comments, String by) {
        jdbc.sql("insert into quality_review (case_id, outcome, comments, reviewed_by) values (:case, :o, :c, :by)")
                .param("case", caseId).param("o", outcome).param("c", comments).param("by", by).update();
    }

    /** A stored decision; {@code verbatimGuideline} only for an imported line of basis VERBATIM. */
    record StoredDecision(long itemId, Decision decision, GuidelineBasis.Kind guidelineBasis, String mtusCitation,
                          String nonMtusCitation, String mtusInapplicableReason, String decisionRationale,
                          String verbatimGuideline) {

        StoredDecision(long itemId, Decision decision, GuidelineBasis.Kind guidelineBasis, String mtusCitation,
                       String nonMtusCitation, String mtusInapplicableReason, String decisionRationale) {
            this(itemId, decision, guidelineBasis, mtusCitation, nonMtusCitation, mtusInapplicableReason,
                    decisionRationale, null);
        }
    }
}
