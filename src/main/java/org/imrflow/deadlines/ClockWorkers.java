package org.imrflow.deadlines;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.imrflow.engine.CaseJobs;
import org.imrflow.engine.CaseProcess;
import org.springframework.stereotype.Component;

/** The automated steps of a statutory clock's process: "Send reminder" and "Mark deadline missed". */
@Component
public class ClockWorkers {

    private final CaseJobs jobs;
    private final CaseClocks clocks;

    ClockWorkers(CaseJobs jobs, CaseClocks clocks) {
        this.jobs = jobs;
        this.clocks = clocks;
    }

    @JobWorker(type = ClockProcess.SEND_REMINDER,
            fetchVariables = {CaseProcess.CASE_NUMBER, CaseProcess.TRACK, ClockProcess.CLOCK})
    public Map<String, Object> remind(ActivatedJob job) {
        return jobs.run(job, ref -> {
            clocks.remind(ref, kindOf(job));
            return Map.of();
        });
    }

    @JobWorker(type = ClockProcess.MARK_MISSED,
            fetchVariables = {CaseProcess.CASE_NUMBER, CaseProcess.TRACK, ClockProcess.CLOCK})
    public Map<String, Object> markMissed(ActivatedJob job) {
        return jobs.run(job, ref -> Map.of(ClockProcess.ESCALATE, clocks.missed(ref, kindOf(job))));
    }

    static ClockKind kindOf(ActivatedJob job) {
        return ClockKind.valueOf(String.valueOf(job.getVariablesAsMap().get(ClockProcess.CLOCK)));
    }
}
