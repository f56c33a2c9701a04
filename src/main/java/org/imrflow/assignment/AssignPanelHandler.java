package org.imrflow.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imrflow.InvalidInputException;
import org.imrflow.tasks.TaskContext;
import org.imrflow.tasks.TaskFormHandler;
import org.springframework.stereotype.Component;

/** "Assign the panel": the coordinator's choice of reviewers for the open seats of the panel. */
@Component
class AssignPanelHandler implements TaskFormHandler {

    static final int SEATS = PanelApprovals.MAX_REVIEWERS;

    private final AssignmentManagement assignment;

    AssignPanelHandler(AssignmentManagement assignment) {
        this.assignment = assignment;
    }

    @Override
    public String formKey() {
        return "assign-panel";
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        List<Long> chosen = new ArrayList<>();
        for (int seat = 1; seat <= SEATS; seat++) {
            Object value = values.get("reviewer" + seat + "Id");
            if (value == null || String.valueOf(value).isBlank()) {
                continue;
            }
            try {
                chosen.add(Long.parseLong(String.valueOf(value)));
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("reviewer" + seat + "Id", "Choose a reviewer from the list.");
            }
        }
        assignment.offerPanel(task.caseRef(), chosen, task.actor().username());
        return Map.of();
    }
}
