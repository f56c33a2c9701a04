package org.imrflow.deadlines;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.imrflow.engine.CaseProcess;
import org.imrflow.tasks.TaskDeadlines;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A task of the case's own process is due when the case's soonest open deadline is (after intake's filing
 * window, which is judged at once); a task of a clock's process when that clock is.
 */
@Component
class CaseTaskDeadlines implements TaskDeadlines {

    private final ClockRepository clocks;

    CaseTaskDeadlines(ClockRepository clocks) {
        this.clocks = clocks;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Process, Instant> dueAt(Collection<Process> processes) {
        Map<Process, Instant> due = new HashMap<>();
        if (processes.isEmpty()) {
            return due;
        }
        for (CaseClock clock : clocks.openFor(processes.stream().map(Process::caseId).distinct().toList())) {
            if (clock.kind() == ClockKind.FILING) {
                continue;
            }
            due.merge(new Process(clock.caseId(), CaseProcess.CASE_TRACK), clock.dueAt(),
                    (a, b) -> a.isBefore(b) ? a : b);
            due.put(new Process(clock.caseId(), clock.kind().track()), clock.dueAt());
        }
        due.keySet().retainAll(processes);
        return due;
    }
}
