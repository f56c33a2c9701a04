package org.imrflow.records;

import java.util.Map;
import org.imrflow.audit.AuditLog;
import org.imrflow.tasks.TaskContext;
import org.imrflow.tasks.TaskFormHandler;
import org.springframework.stereotype.Component;

/** "Obtain missing records": a coordinator records what was done for a held case; the record set is checked again. */
@Component
class ObtainRecordsHandler implements TaskFormHandler {

    private final AuditLog audit;

    ObtainRecordsHandler(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String formKey() {
        return "obtain-records";
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        audit.record("RECORDS_SOUGHT", task.caseRef().caseNumber(), String.valueOf(values.get("recordsNote")));
        return Map.of();
    }
}
