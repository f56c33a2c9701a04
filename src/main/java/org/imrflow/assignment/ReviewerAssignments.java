package org.imrflow.assignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imrflow.intake.ReviewerCaseAccess;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which reviewer a case is offered to or assigned to (reviewer_assignment). Other modules ask it who may see
 * a case.
 */
@Repository
public class ReviewerAssignments implements ReviewerCaseAccess {

    private final JdbcClient jdbc;
    private final ReviewerRegistry registry;

    ReviewerAssignments(JdbcClient jdbc, ReviewerRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @Override
    public boolean isAssigned(long caseId, String username) {
        return jdbc.sql("""
                select count(*) from reviewer_assignment a join reviewer r on r.id = a.reviewer_id
                where a.case_id = :case and r.username = :u and a.status in ('OFFERED', 'ACCEPTED', 'COMPLETED')""")
                .param("case", caseId).param("u", username).query(Integer.class).single() > 0;
    }

    @Override
    public List<Long> caseIdsAssignedTo(String username) {
        return jdbc.sql("""
                select a.case_id from reviewer_assignment a join reviewer r on r.id = a.reviewer_id
                where r.username = :u and a.status in ('OFFERED', 'ACCEPTED', 'COMPLETED')""")
                .param("u", username).query(Long.class).list();
    }

    /** The case's assignments offered or accepted, not yet decided. */
    List<Long> openAssignmentIds(long caseId) {
        return jdbc.sql("""
                select id from reviewer_assignment where case_id = :case and status in ('OFFERED', 'ACCEPTED')
                order by id""").param("case", caseId).query(Long.class).list();
    }

    /** The reviewers the case is offered to or accepted by now. */
    Set<Long> currentReviewerIds(long caseId) {
        return Set.copyOf(jdbc.sql("""
                select reviewer_id from reviewer_assignment where case_id = :case and status in ('OFFERED', 'ACCEPTED')""")
                .param("case", caseId).query(Long.class).list());
    }

    /** A reviewer's assignment to a case whose review counts: accepted, or completed with the determination. */
    public record Reviewing(long assignmentId, Reviewer reviewer) {}

    /**
     * The reviewers whose reviews make the case's decision, in the order they were assigned: one reviewer, or the
     * panel the Administrative Director approved. "Expert Reviewer 1" is the first.
     */
    public List<Reviewing> reviewing(long caseId) {
        return jdbc.sql("""
                select id, reviewer_id from reviewer_assignment
                where case_id = :case and status in ('ACCEPTED', 'COMPLETED') order by id""")
                .param("case", caseId)
                .query((rs, i) -> new Reviewing(rs.getLong(1), registry.find(rs.getLong(2)).orElseThrow()))
                .list();
    }

    /** The reviewer's accepted assignment to the case, if they accepted it and it is not decided. */
    public Optional<Long> acceptedAssignmentId(long caseId, String username) {
        return jdbc.sql("""
                select a.id from reviewer_assignment a join reviewer r on r.id = a.reviewer_id
                where a.case_id = :case and r.username = :u and a.status = 'ACCEPTED'""")
                .param("case", caseId).param("u", username).query(Long.class).optional();
    }

    /** Whether a reviewer accepted the case and is reviewing it now. */
    public boolean underReview(long caseId) {
        return jdbc.sql("select count(*) from reviewer_assignment where case_id = :case and status = 'ACCEPTED'")
                .param("case", caseId).query(Integer.class).single() > 0;
    }

    List<Long> declinedReviewerIds(long caseId) {
        return jdbc.sql("select reviewer_id from reviewer_assignment where case_id = :case and status = 'DECLINED'")
                .param("case", caseId).query(Long.class).list();
    }

    List<Long> withdrawnReviewerIds(long caseId) {
        return jdbc.sql("select reviewer_id from reviewer_assignment where case_id = :case and status = 'WITHDRAWN'")
                .param("case", caseId).query(Long.class).list();
    }

    /** The open cases each reviewer holds now, offered or accepted and not yet decided: their workload. */
    Map<Long, Long> openAssignmentsByReviewer() {
        Map<Long, Long> open = new HashMap<>();
        jdbc.sql("""
                select reviewer_id, count(*) from reviewer_assignment
                where status in ('OFFERED', 'ACCEPTED') group by reviewer_id""")
                .query((RowCallbackHandler) rs -> open.put(rs.getLong(1), rs.getLong(2)));
        return open;
    }

    /** The cases a reviewer holds open now (offered or accepted), oldest offer first. */
    List<Long> openCaseIds(long reviewerId) {
        return jdbc.sql("""
                select case_id from reviewer_assignment
                where reviewer_id = :r and status in ('OFFERED', 'ACCEPTED') order by offered_at, id""")
                .param("r", reviewerId).query(Long.class).list();
    }

    /** The case was decided: its reviewer's work on it is done and no longer counts as open. */
    public void completed(long caseId) {
        close(caseId, "COMPLETED");
    }

    /** The case closed without a determination (terminated): its reviewer is released from it. */
    public void released(long caseId) {
        close(caseId, "RELEASED");
    }

    private int close(long caseId, String status) {
        return jdbc.sql("""
                update reviewer_assignment set status = :status, closed_at = now()
                where case_id = :case and status in ('OFFERED', 'ACCEPTED')""")
                .param("status", status).param("case", caseId).update();
    }

    /** The case's accepted assignment, locked against a concurrent change. */
    Optional<Long> lockAccepted(long caseId) {
        return jdbc.sql("select id from reviewer_assignment where case_id = :case and status = 'ACCEPTED' for update")
                .param("case", caseId).query(Long.class).optional();
    }

    /** Ends an accepted assignment as withdrawn; returns the reviewer withdrawn. */
    long withdraw(long assignmentId, String by, String reason) {
        return jdbc.sql("""
                update reviewer_assignment set status = 'WITHDRAWN', closed_at = now(), withdrawn_by = :by,
                    withdrawal_reason = :reason
                where id = :id and status = 'ACCEPTED' returning reviewer_id""")
                .param("by", by).param("reason", reason).param("id", assignmentId).query(Long.class).single();
    }

    Optional<Long> currentOfferId(long caseId, long reviewerId) {
        return jdbc.sql("""
                select id from reviewer_assignment where case_id = :case and reviewer_id = :r and status = 'OFFERED'""")
                .param("case", caseId).param("r", reviewerId).query(Long.class).optional();
    }

    boolean hasCurrent(long caseId) {
        return jdbc.sql("select count(*) from reviewer_assignment where case_id = :case and status in ('OFFERED', 'ACCEPTED')")
                .param("case", caseId).query(Integer.class).single() > 0;
    }

    /** Offers the case to a reviewer; returns the new assignment. */
    long offer(long caseId, long reviewerId, String by) {
        return jdbc.sql("""
                insert into reviewer_assignment (case_id, reviewer_id, status, offered_by) values (:case, :r, 'OFFERED', :by)
                returning id""")
                .param("case", caseId).param("r", reviewerId).param("by", by).query(Long.class).single();
    }

    /** The open assignment of the reviewer with this login to the case, if any. */
    Optional<Long> openAssignmentId(long caseId, String username) {
        return jdbc.sql("""
                select a.id from reviewer_assignment a join reviewer r on r.id = a.reviewer_id
                where a.case_id = :case and r.username = :u and a.status in ('OFFERED', 'ACCEPTED')""")
                .param("case", caseId).param("u", username).query(Long.class).optional();
    }

    /** Locks the case's open assignment of this reviewer, if accepted. */
    Optional<Long> lockAccepted(long caseId, String username) {
        return jdbc.sql("""
                select a.id from reviewer_assignment a join reviewer r on r.id = a.reviewer_id
                where a.case_id = :case and r.username = :u and a.status = 'ACCEPTED' for update of a""")
                .param("case", caseId).param("u", username).query(Long.class).optional();
    }

    void accept(long offerId, String attestation) {
        jdbc.sql("update reviewer_assignment set status = 'ACCEPTED', responded_at = now(), attestation = :a where id = :id")
                .param("a", attestation).param("id", offerId).update();
    }

    void decline(long offerId, String reason) {
        jdbc.sql("update reviewer_assignment set status = 'DECLINED', responded_at = now(), decline_reason = :r where id = :id")
                .param("r", reason).param("id", offerId).update();
    }
}
