package org.imrflow.assignment;

import java.util.Map;
import org.imrflow.audit.AuditLog;
import org.imrflow.tasks.TaskContext;
import org.imrflow.tasks.TaskFormHandler;
import org.springframework.stereotype.Component;

/** "Find reviewer": no reviewer fitted; the coordinator records what was done before matching runs again. */
@Component
class FindReviewerHandler implements TaskFormHandler {

    private final AuditLog audit;

    FindReviewerHandler(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String formKey() {
        return "find-reviewer";
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        audit.record("REVIEWER_SEARCH", task.caseRef().caseNumber(), String.valueOf(values.get("searchNote")));
        return Map.of();
    }
}
