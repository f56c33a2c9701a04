package org.imrflow.eligibility;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.imrflow.engine.CaseJobs;
import org.imrflow.engine.CaseProcess;
import org.springframework.stereotype.Component;

/** "Screen eligibility". */
@Component
public class ScreenEligibilityWorker {

    private final CaseJobs jobs;
    private final EligibilityScreening screening;

    ScreenEligibilityWorker(CaseJobs jobs, EligibilityScreening screening) {
        this.jobs = jobs;
        this.screening = screening;
    }

    @JobWorker(type = CaseProcess.SCREEN_ELIGIBILITY, fetchVariables = CaseProcess.CASE_NUMBER)
    public Map<String, Object> screen(ActivatedJob job) {
        return jobs.run(job, screening::screen);
    }
}
