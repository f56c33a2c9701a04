package org.imrflow.determination;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.imrflow.engine.CaseJobs;
import org.imrflow.engine.CaseProcess;
import org.springframework.stereotype.Component;

/** "Issue Final Determination Letter". */
@Component
public class IssueDeterminationWorker {

    private final CaseJobs jobs;
    private final DeterminationManagement determinations;

    IssueDeterminationWorker(CaseJobs jobs, DeterminationManagement determinations) {
        this.jobs = jobs;
        this.determinations = determinations;
    }

    @JobWorker(type = CaseProcess.ISSUE_DETERMINATION, fetchVariables = CaseProcess.CASE_NUMBER)
    public Map<String, Object> issue(ActivatedJob job) {
        return jobs.run(job, determinations::issue);
    }
}
