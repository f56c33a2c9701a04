package org.imrflow.engine;

import java.time.Duration;

/**
 * The names shared between {@code bpmn/imr-case.bpmn} and the code: process id, job types, variables.
 */
public final class CaseProcess {

    public static final String PROCESS_ID = "imr-case";

    /** Job types of the automated steps. */
    public static final String SCREEN_ELIGIBILITY = "screen-eligibility";
    public static final String SEND_INELIGIBILITY_NOTICE = "send-ineligibility-notice";
    public static final String RANK_REVIEWERS = "rank-reviewers";
    public static final String CHECK_GUIDELINES = "check-guidelines";
    public static final String ISSUE_DETERMINATION = "issue-determination";

    /** The job type the engine gives job-worker-based user tasks. */
    public static final String USER_TASK = "io.camunda.zeebe:userTask";

    /** How long a request waits for the engine's answer: a request thread never waits for ever. */
    public static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(30);

    /** Process variables. */
    public static final String CASE_NUMBER = "caseNumber";

    private CaseProcess() {
    }
}
