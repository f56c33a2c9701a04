package org.imrflow.records;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.imrflow.engine.CaseJobs;
import org.imrflow.engine.CaseProcess;
import org.springframework.stereotype.Component;

/** "Check the record set". */
@Component
public class CheckRecordSetWorker {

    private final CaseJobs jobs;
    private final RecordsManagement records;

    CheckRecordSetWorker(CaseJobs jobs, RecordsManagement records) {
        this.jobs = jobs;
        this.records = records;
    }

    @JobWorker(type = CaseProcess.CHECK_RECORD_SET, fetchVariables = CaseProcess.CASE_NUMBER)
    public Map<String, Object> check(ActivatedJob job) {
        return jobs.run(job, records::checkRecordSet);
    }
}
