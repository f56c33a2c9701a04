package org.imrflow.review;

import java.sql.Timestamp;
import java.util.List;
import org.imrflow.assignment.ReviewerAssignments;
import org.imrflow.audit.AuditLog;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.DocumentReceived;
import org.imrflow.intake.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Documents that arrive after the reviewer accepted the case are flagged to the reviewer until the review is
 * submitted again. The event is kept in PostgreSQL until handled, so a crash does not lose a flag.
 */
@Component
class LateDocuments {

    private static final List<Stage> IN_REVIEW = List.of(Stage.CLINICAL_REVIEW, Stage.QUALITY_REVIEW);

    private final CaseFiles cases;
    private final ReviewerAssignments assignments;
    private final BusinessTime time;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    LateDocuments(CaseFiles cases, ReviewerAssignments assignments, BusinessTime time, AuditLog audit,
                  JdbcClient jdbc) {
        this.cases = cases;
        this.assignments = assignments;
        this.time = time;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(DocumentReceived received) {
        if (!IN_REVIEW.contains(cases.byId(received.caseId()).stage())
                || !assignments.underReview(received.caseId())) {
            return;
        }
        int flagged = jdbc.sql("""
                insert into late_document (document_id, case_id, flagged_at) values (:document, :case, :at)
                on conflict (document_id) do nothing""")
                .param("document", received.documentId()).param("case", received.caseId())
                .param("at", Timestamp.from(time.now())).update();
        if (flagged > 0) {
            audit.recordAs(AuditLog.SYSTEM, "LATE_DOCUMENT_FLAGGED", received.caseNumber(),
                    "document " + received.documentId() + " arrived during the review");
        }
    }

    /** The documents flagged to the reviewer and not yet seen in a submitted review. */
    List<Long> unacknowledged(long caseId) {
        return jdbc.sql("select document_id from late_document where case_id = :case and acknowledged_at is null order by document_id")
                .param("case", caseId).query(Long.class).list();
    }

    /** The reviewer submitted the review with the late documents before them. */
    void acknowledge(long caseId) {
        jdbc.sql("update late_document set acknowledged_at = :at where case_id = :case and acknowledged_at is null")
                .param("at", Timestamp.from(time.now())).param("case", caseId).update();
    }
}
