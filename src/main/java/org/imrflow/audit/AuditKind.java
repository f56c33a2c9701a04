package org.imrflow.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every kind of entry the audit log holds, by the code stored in {@code audit_event.action}, in the group an auditor
 * looks for it under. The words shown for each are the message {@code audit.action.<CODE>}; a test keeps this
 * catalogue, the codes the code base records and the messages in step.
 */
public enum AuditKind {

    CASE_CREATED(Group.CASE), CASE_IMPORTED(Group.CASE), CASE_EXPEDITED(Group.CASE), CASE_HELD(Group.CASE),
    CASE_TAKEN_OVER(Group.CASE), CASE_TERMINATED(Group.CASE), CASE_DATA_CORRECTED(Group.CASE),
    STAGE_CHANGED(Group.CASE), DOCUMENT_ADDED(Group.CASE), INCIDENT_RETRIED(Group.CASE),

    ELIGIBILITY_FACTS_RECORDED(Group.ELIGIBILITY), ELIGIBILITY_SCREENED(Group.ELIGIBILITY),
    INFORMATION_REQUESTED(Group.ELIGIBILITY),

    NOTICE_OF_ASSIGNMENT_SENT(Group.RECORDS), RECORDS_SOUGHT(Group.RECORDS), RECORDS_COMPLETE(Group.RECORDS),
    RECORDS_PENALTY_REFERRED(Group.RECORDS), REVIEW_PROCEEDS_WITHOUT_RECORDS(Group.RECORDS),
    LATE_DOCUMENT_FLAGGED(Group.RECORDS),

    REVIEWER_SEARCH(Group.ASSIGNMENT), REVIEWERS_RANKED(Group.ASSIGNMENT), REVIEWER_OFFERED(Group.ASSIGNMENT),
    ASSIGNMENT_ACCEPTED(Group.ASSIGNMENT), ASSIGNMENT_DECLINED(Group.ASSIGNMENT), REVIEWER_CHANGED(Group.ASSIGNMENT),
    REVIEWER_WITHDRAWN(Group.ASSIGNMENT), PANEL_APPROVED(Group.ASSIGNMENT),

    REVIEW_SUBMITTED(Group.REVIEW), REVIEW_IMPORTED(Group.REVIEW), REVIEW_SET_ASIDE(Group.REVIEW),
    GUIDELINE_CHECK_PASSED(Group.REVIEW), GUIDELINE_CHECK_RETURNED(Group.REVIEW),
    QUALITY_REVIEW_APPROVED(Group.REVIEW), QUALITY_REVIEW_RETURNED(Group.REVIEW),

    DETERMINATION_EXTENDED(Group.DETERMINATION), DETERMINATION_IMPORTED(Group.DETERMINATION),
    LETTER_ISSUED(Group.DETERMINATION), LETTER_IMPORTED(Group.DETERMINATION), LETTER_RECEIVED(Group.DETERMINATION),
    PUBLIC_COPY_PREPARED(Group.DETERMINATION), PUBLIC_COPY_REDACTED(Group.DETERMINATION),
    PUBLIC_COPY_RELEASED(Group.DETERMINATION),

    CLOCK_STARTED(Group.CLOCKS), CLOCK_MOVED(Group.CLOCKS), CLOCK_MET(Group.CLOCKS), CLOCK_MISSED(Group.CLOCKS),
    DEADLINE_REMINDER(Group.CLOCKS), MISSED_DEADLINE_HANDLED(Group.CLOCKS), CLOSURE_ADDED(Group.CLOCKS),
    CLOSURE_REMOVED(Group.CLOCKS),

    TASK_ASSIGNED(Group.TASKS), TASK_CLAIMED(Group.TASKS), TASK_UNCLAIMED(Group.TASKS), TASK_COMPLETED(Group.TASKS),
    TASK_WITHDRAWN(Group.TASKS),

    CASE_VIEWED(Group.VIEWS), DOCUMENT_VIEWED(Group.VIEWS), LETTER_VIEWED(Group.VIEWS),
    LETTER_PREVIEWED(Group.VIEWS), TASK_FORM_VIEWED(Group.VIEWS),

    LOGIN(Group.SIGN_IN), LOGIN_FAILED(Group.SIGN_IN), LOGIN_FAILED_UNKNOWN_USER(Group.SIGN_IN),
    LOGIN_LOCKED(Group.SIGN_IN), LOGIN_ADDRESS_LOCKED(Group.SIGN_IN), API_TOKEN_ISSUED(Group.SIGN_IN),
    API_TOKEN_REVOKED(Group.SIGN_IN), API_TOKEN_REFUSED(Group.SIGN_IN),

    USER_CREATED(Group.ADMINISTRATION), USER_UPDATED(Group.ADMINISTRATION), USER_PASSWORD_RESET(Group.ADMINISTRATION),
    REVIEWER_REGISTERED(Group.ADMINISTRATION), AUDIT_LOG_EXPORTED(Group.ADMINISTRATION);

    /** The groups of the audit log page's filter; {@link #VIEWS} are reads of medical content. */
    public enum Group { CASE, ELIGIBILITY, RECORDS, ASSIGNMENT, REVIEW, DETERMINATION, CLOCKS, TASKS, VIEWS, SIGN_IN,
        ADMINISTRATION }

    private final Group group;

    AuditKind(Group group) {
        this.group = group;
    }

    public Group group() {
        return group;
    }

    /** The code as stored, for a template or a query parameter. */
    public String code() {
        return name();
    }

    /** Whether the entry records that someone read medical content: the case history groups these. */
    public boolean isView() {
        return group == Group.VIEWS;
    }

    public static Optional<AuditKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
    }

    public static List<AuditKind> in(Group group) {
        return Arrays.stream(values()).filter(k -> k.group == group).toList();
    }
}
