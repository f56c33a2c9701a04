package org.imrflow.engine;

import java.time.Duration;

/**
 * The names shared between {@code bpmn/imr-case.bpmn} and the code: process id, job types, messages,
 * variables.
 */
public final class CaseProcess {

    public static final String PROCESS_ID = "imr-case";

    /** Job types of the automated steps. */
    public static final String SCREEN_ELIGIBILITY = "screen-eligibility";
    public static final String SEND_INELIGIBILITY_NOTICE = "send-ineligibility-notice";
    public static final String SEND_NOTICE_OF_ASSIGNMENT = "send-notice-of-assignment";
    public static final String CHECK_RECORD_SET = "check-record-set";
    public static final String RANK_REVIEWERS = "rank-reviewers";
    public static final String CHECK_GUIDELINES = "check-guidelines";
    public static final String ISSUE_DETERMINATION = "issue-determination";

    /** The job type the engine gives job-worker-based user tasks. */
    public static final String USER_TASK = "io.camunda.zeebe:userTask";

    /** Messages the case process waits for, correlated by case number. */
    public static final String RECORDS_RECEIVED = "RecordsReceived";
    public static final String RECORDS_DUE_CHANGED = "RecordsDueChanged";
    /** Ends the case process wherever it stands: the case was terminated. */
    public static final String CASE_TERMINATED = "CaseTerminated";
    /** Interrupts the expert review: the coordinator withdrew the reviewer. */
    public static final String REVIEWER_WITHDRAWN = "ReviewerWithdrawn";
    /** Ends the case's wait for its panel: every panel reviewer's review passed the guideline check. */
    public static final String PANEL_REVIEWED = "PanelReviewed";
    /** Interrupts the case's wait for its panel: a panel reviewer declined or was withdrawn, a seat is open. */
    public static final String PANEL_SEAT_OPENED = "PanelSeatOpened";
    /** Ends a panel reviewer's process wherever it stands: the reviewer was withdrawn, or the case closed. */
    public static final String PANEL_REVIEW_STOPPED = "PanelReviewStopped";
    /** Sends a panel reviewer's process back to the review: the medical director returned the panel's decision. */
    public static final String PANEL_REVIEW_RETURNED = "PanelReviewReturned";

    /** The element that waits for the record set. */
    public static final String AWAIT_RECORDS = "Task_AwaitRecords";
    /** Where a case goes back to when its reviewer is withdrawn. */
    public static final String RANK_REVIEWERS_ELEMENT = "Task_RankReviewers";
    /** Where a case waits for the reviews of its panel. */
    public static final String AWAIT_PANEL = "Task_AwaitPanel";

    /** How long a request waits for the engine's answer: a request thread never waits for ever. */
    public static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(30);

    /** Process variables every process of a case carries. */
    public static final String CASE_NUMBER = "caseNumber";
    public static final String TRACK = "track";
    /** When the records are due: the timer of "Await medical records". */
    public static final String RECORDS_DUE = "recordsDue";

    /** The track of the case's own process; each statutory clock runs on a track of its own. */
    public static final String CASE_TRACK = "case";

    private CaseProcess() {
    }
}
