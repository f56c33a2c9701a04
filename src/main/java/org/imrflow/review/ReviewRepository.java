package org.imrflow.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.correspondence.GuidelineBasis;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The review tables: clinical_review, item_decision, review_return, quality_review. */
@Repository
class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Imported reviews have no assignment: their rows are keyed 0 here, as in the unique indexes. */
    static final long IMPORTED = 0;

    /** The case's current summaries by the assignment of the reviewer who wrote each, in the order of assignment. */
    Map<Long, String> summaries(long caseId) {
        Map<Long, String> summaries = new LinkedHashMap<>();
        jdbc.sql("""
                select coalesce(assignment_id, 0), clinical_case_summary from clinical_review
                where case_id = :case and superseded_at is null order by coalesce(assignment_id, 0)""")
                .param("case", caseId)
                .query((RowCallbackHandler) rs -> summaries.put(rs.getLong(1), rs.getString(2)));
        return summaries;
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

    void saveSummary(long caseId, long assignmentId, String summary, String by) {
        jdbc.sql("""
                insert into clinical_review (case_id, assignment_id, clinical_case_summary, submitted_at, submitted_by)
                values (:case, :assignment, :summary, now(), :by)
                on conflict (case_id, coalesce(assignment_id, 0)) where superseded_at is null
                do update set clinical_case_summary = excluded.clinical_case_summary, submitted_at = now(),
                    submitted_by = excluded.submitted_by, rounds = clinical_review.rounds + 1""")
                .param("case", caseId).param("assignment", assignmentId).param("summary", summary).param("by", by)
                .update();
    }

    /** The case's current decisions by the assignment of the reviewer who made them, in the order of assignment. */
    Map<Long, List<StoredDecision>> decisions(long caseId) {
        Map<Long, List<StoredDecision>> decisions = new LinkedHashMap<>();
        jdbc.sql("""
                select coalesce(assignment_id, 0), disputed_item_id, decision, guideline_basis, mtus_citation,
                       non_mtus_citation, mtus_inapplicable_reason, decision_rationale, guideline_verbatim
                from item_decision where case_id = :case and superseded_at is null
                order by coalesce(assignment_id, 0), disputed_item_id""")
                .param("case", caseId)
                .query((RowCallbackHandler) rs -> decisions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new StoredDecision(rs.getLong(2),
                                rs.getString(3) == null ? null : Decision.valueOf(rs.getString(3)),
                                rs.getString(4) == null ? null : GuidelineBasis.Kind.valueOf(rs.getString(4)),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))));
        return decisions;
    }

    void saveDecision(long caseId, long assignmentId, StoredDecision decision, String by) {
        jdbc.sql("""
                insert into item_decision (disputed_item_id, case_id, assignment_id, decision, guideline_basis,
                    mtus_citation, non_mtus_citation, mtus_inapplicable_reason, decision_rationale, decided_at,
                    decided_by)
                values (:item, :case, :assignment, :decision, :basis, :mtus, :nonMtus, :reason, :rationale, now(), :by)
                on conflict (disputed_item_id, coalesce(assignment_id, 0)) where superseded_at is null do update set decision = excluded.decision,
                    guideline_basis = excluded.guideline_basis, mtus_citation = excluded.mtus_citation,
                    non_mtus_citation = excluded.non_mtus_citation,
                    mtus_inapplicable_reason = excluded.mtus_inapplicable_reason,
                    decision_rationale = excluded.decision_rationale, decided_at = now(), decided_by = excluded.decided_by""")
                .param("item", decision.itemId()).param("case", caseId).param("assignment", assignmentId)
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
    void supersede(long caseId, long assignmentId) {
        for (String table : List.of("clinical_review", "item_decision")) {
            jdbc.sql("update " + table + " set superseded_at = now() where case_id = :case and assignment_id = :a"
                    + " and superseded_at is null").param("case", caseId).param("a", assignmentId).update();
        }
        resolveReturns(caseId, assignmentId);
    }

    /** A return of one reviewer's review, with what they must correct. */
    void addReturn(long caseId, long assignmentId, String source, String notes, String by) {
        jdbc.sql("""
                insert into review_return (case_id, assignment_id, source, notes, returned_by)
                values (:case, :assignment, :source, :notes, :by)""")
                .param("case", caseId).param("assignment", assignmentId).param("source", source)
                .param("notes", notes).param("by", by).update();
    }

    /** The reviewer submitted again: their returns are resolved (and those of no one's, recorded before panels). */
    void resolveReturns(long caseId, long assignmentId) {
        jdbc.sql("""
                update review_return set resolved_at = now()
                where case_id = :case and (assignment_id = :assignment or assignment_id is null) and resolved_at is null""")
                .param("case", caseId).param("assignment", assignmentId).update();
    }

    List<ReviewReturn> returns(long caseId) {
        return jdbc.sql("""
                select id, source, notes, returned_by, created_at, resolved_at, assignment_id from review_return
                where case_id = :case order by id""")
                .param("case", caseId)
                .query((rs, i) -> new ReviewReturn(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        (Long) rs.getObject(7)))
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
