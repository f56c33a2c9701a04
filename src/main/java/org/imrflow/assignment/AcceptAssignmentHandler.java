package org.imrflow.assignment;

import java.util.Map;
import org.imrflow.tasks.TaskContext;
import org.imrflow.tasks.TaskFormHandler;
import org.springframework.stereotype.Component;

/** "Accept assignment": the reviewer accepts with the no-conflict attestation, or declines with a reason. */
@Component
class AcceptAssignmentHandler implements TaskFormHandler {

    private final AssignmentManagement assignment;

    AcceptAssignmentHandler(AssignmentManagement assignment) {
        this.assignment = assignment;
    }

    @Override
    public String formKey() {
        return "accept-assignment";
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        String username = task.actor().username();
        if ("ACCEPT".equals(values.get("assignmentResponse"))) {
            assignment.accept(task.caseRef(), username, Boolean.TRUE.equals(values.get("noConflictAttested")));
        } else {
            assignment.decline(task.caseRef(), username, (String) values.get("declineReason"));
        }
        return Map.of();
    }
}
