package org.imrflow.deadlines;

import java.util.Map;
import org.imrflow.tasks.TaskContext;
import org.imrflow.tasks.TaskFormHandler;
import org.imrflow.web.Dates;
import org.springframework.stereotype.Component;

/** "Act on missed deadline": a coordinator records what was done about a deadline the case missed. */
@Component
class ActOnMissedDeadlineHandler implements TaskFormHandler {

    private final CaseClocks clocks;
    private final Dates dates;

    ActOnMissedDeadlineHandler(CaseClocks clocks, Dates dates) {
        this.clocks = clocks;
        this.dates = dates;
    }

    @Override
    public String formKey() {
        return "act-on-missed-deadline";
    }

    @Override
    public Map<String, Object> prefill(TaskContext task) {
        ClockKind kind = ClockKind.valueOf(String.valueOf(task.variables().get(ClockProcess.CLOCK)));
        return clocks.find(task.caseRef().caseId(), kind)
                .<Map<String, Object>>map(clock -> Map.of("deadline", kind.code() + " " + kind.label(),
                        "dueAt", dates.time(clock.dueAt()), "rule", clock.rule()))
                .orElse(Map.of());
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        ClockKind kind = ClockKind.valueOf(String.valueOf(task.variables().get(ClockProcess.CLOCK)));
        clocks.escalationHandled(task.caseRef(), kind, String.valueOf(values.get("actionTaken")).strip(),
                task.actor().username());
        return Map.of();
    }
}
