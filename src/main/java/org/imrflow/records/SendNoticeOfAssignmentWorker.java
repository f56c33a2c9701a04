package org.imrflow.records;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.imrflow.engine.CaseJobs;
import org.imrflow.engine.CaseProcess;
import org.springframework.stereotype.Component;

/** "Send Notice of Assignment and Request for Information". */
@Component
public class SendNoticeOfAssignmentWorker {

    private final CaseJobs jobs;
    private final RecordsManagement records;

    SendNoticeOfAssignmentWorker(CaseJobs jobs, RecordsManagement records) {
        this.jobs = jobs;
        this.records = records;
    }

    @JobWorker(type = CaseProcess.SEND_NOTICE_OF_ASSIGNMENT, fetchVariables = CaseProcess.CASE_NUMBER)
    public Map<String, Object> send(ActivatedJob job) {
        return jobs.run(job, records::sendNoticeOfAssignment);
    }
}
