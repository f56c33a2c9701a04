package org.imrflow.eligibility;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.imrflow.engine.CaseJobs;
import org.imrflow.engine.CaseProcess;
import org.springframework.stereotype.Component;

/** "Send ineligibility notice". */
@Component
public class SendIneligibilityNoticeWorker {

    private final CaseJobs jobs;
    private final IneligibilityNotices notices;

    SendIneligibilityNoticeWorker(CaseJobs jobs, IneligibilityNotices notices) {
        this.jobs = jobs;
        this.notices = notices;
    }

    @JobWorker(type = CaseProcess.SEND_INELIGIBILITY_NOTICE, fetchVariables = CaseProcess.CASE_NUMBER)
    public Map<String, Object> send(ActivatedJob job) {
        return jobs.run(job, notices::send);
    }
}
