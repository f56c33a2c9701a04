package org.imrflow.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.imrflow.engine.CaseJobs;
import org.imrflow.engine.CaseProcess;
import org.springframework.stereotype.Component;

/** "Check guidelines". */
@Component
public class CheckGuidelinesWorker {

    private final CaseJobs jobs;
    private final ClinicalReviews reviews;

    CheckGuidelinesWorker(CaseJobs jobs, ClinicalReviews reviews) {
        this.jobs = jobs;
        this.reviews = reviews;
    }

    @JobWorker(type = CaseProcess.CHECK_GUIDELINES, fetchVariables = {CaseProcess.CASE_NUMBER, CaseProcess.TRACK})
    public Map<String, Object> check(ActivatedJob job) {
        return jobs.run(job, ref -> reviews.checkGuidelines(ref, jobs.trackOf(job)));
    }
}
