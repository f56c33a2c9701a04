package org.imrflow.assignment;

import java.util.List;
import java.util.Optional;
import org.imrflow.intake.ReviewerCaseAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which reviewer a case is offered to or assigned to (reviewer_assignment). Other modules ask it who may see
 * a case.
 */
@Repository
public class ReviewerAssignments implements ReviewerCaseAccess {

    private final JdbcClient jdbc;

    ReviewerAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isAssigned(long caseId, String username) {
        return jdbc.sql("""
                select count(*) from reviewer_assignment a join reviewer r on r.id = a.reviewer_id
                where a.case_id = :case and r.username = :u and a.status in ('OFFERED', 'ACCEPTED')""")
                .param("case", caseId).param("u", username).query(Integer.class).single() > 0;
    }

    @Override
    public List<Long> caseIdsAssignedTo(String username) {
        return jdbc.sql("""
                select a.case_id from reviewer_assignment a join reviewer r on r.id = a.reviewer_id
                where r.username = :u and a.status in ('OFFERED', 'ACCEPTED')""")
                .param("u", username).query(Long.class).list();
    }

    /** The reviewer who accepted the case, if one has. */
    public Optional<Reviewer> acceptedReviewer(long caseId) {
        return jdbc.sql("select " + ReviewerRegistry.COLUMNS + " from reviewer where id ="
                        + " (select reviewer_id from reviewer_assignment where case_id = :case and status = 'ACCEPTED')")
                .param("case", caseId).query(ReviewerRegistry::reviewer).optional();
    }

    List<Long> declinedReviewerIds(long caseId) {
        return jdbc.sql("select reviewer_id from reviewer_assignment where case_id = :case and status = 'DECLINED'")
                .param("case", caseId).query(Long.class).list();
    }

    /** Cases each reviewer holds now: their workload. */
    long openAssignments(long reviewerId) {
        return jdbc.sql("""
                select count(*) from reviewer_assignment
                where reviewer_id = :r and status in ('OFFERED', 'ACCEPTED')""")
                .param("r", reviewerId).query(Long.class).single();
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

    void offer(long caseId, long reviewerId, String by) {
        jdbc.sql("insert into reviewer_assignment (case_id, reviewer_id, status, offered_by) values (:case, :r, 'OFFERED', :by)")
                .param("case", caseId).param("r", reviewerId).param("by", by).update();
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
