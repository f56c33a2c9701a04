package org.imrflow.assignment;

import java.util.Map;
import org.imrflow.InvalidInputException;
import org.imrflow.tasks.TaskContext;
import org.imrflow.tasks.TaskFormHandler;
import org.springframework.stereotype.Component;

/** "Assign reviewer": the coordinator's choice among the ranked reviewers. */
@Component
class AssignReviewerHandler implements TaskFormHandler {

    private final AssignmentManagement assignment;

    AssignReviewerHandler(AssignmentManagement assignment) {
        this.assignment = assignment;
    }

    @Override
    public String formKey() {
        return "assign-reviewer";
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        long reviewerId;
        try {
            reviewerId = Long.parseLong(String.valueOf(values.get("reviewerId")));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("reviewerId", "Choose a reviewer.");
        }
        String username = assignment.offer(task.caseRef(), reviewerId, task.actor().username());
        return Map.of("reviewerUsername", username);
    }
}
