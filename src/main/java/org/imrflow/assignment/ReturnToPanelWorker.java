package org.imrflow.assignment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.imrflow.engine.CaseJobs;
import org.imrflow.engine.CaseProcess;
import org.springframework.stereotype.Component;

/** "Return to the panel": each reviewer of the panel reviews again, with the medical director's comments. */
@Component
public class ReturnToPanelWorker {

    static final String TYPE = "return-to-panel";

    private final CaseJobs jobs;
    private final PanelReviews panels;

    ReturnToPanelWorker(CaseJobs jobs, PanelReviews panels) {
        this.jobs = jobs;
        this.panels = panels;
    }

    @JobWorker(type = TYPE, fetchVariables = CaseProcess.CASE_NUMBER)
    public Map<String, Object> returnToPanel(ActivatedJob job) {
        return jobs.run(job, ref -> {
            panels.returnAll(ref);
            return Map.of();
        });
    }
}
