package org.imrflow.assignment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.imrflow.engine.CaseJobs;
import org.imrflow.engine.CaseProcess;
import org.springframework.stereotype.Component;

/** "Rank reviewers": qualified reviewers without conflict, best fit first. */
@Component
public class RankReviewersWorker {

    private final CaseJobs jobs;
    private final AssignmentManagement assignment;

    RankReviewersWorker(CaseJobs jobs, AssignmentManagement assignment) {
        this.jobs = jobs;
        this.assignment = assignment;
    }

    @JobWorker(type = CaseProcess.RANK_REVIEWERS, fetchVariables = CaseProcess.CASE_NUMBER)
    public Map<String, Object> rank(ActivatedJob job) {
        return jobs.run(job, assignment::rankForSelection);
    }
}
