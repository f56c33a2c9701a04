package org.imrflow.tasks;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.imrflow.engine.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * Holds the engine's user-task jobs for the inbox. A job stays activated (30 days, then it is delivered again
 * and simply refreshed) until a person completes the task.
 */
@Component
public class UserTaskWorker {

    private static final long THIRTY_DAYS_MS = 30L * 24 * 3600 * 1000;

    private final TaskInbox inbox;

    UserTaskWorker(TaskInbox inbox) {
        this.inbox = inbox;
    }

    @JobWorker(type = CaseProcess.USER_TASK, autoComplete = false, timeout = THIRTY_DAYS_MS, fetchAllVariables = true)
    public void hold(ActivatedJob job) {
        inbox.arrived(job);
    }
}
