package org.imrflow.tasks;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * When tasks are due: the deadline each task's process is working towards now. The deadlines module answers
 * it, so a task's due date follows the case's clocks (an extension, an expedited conversion) instead of being
 * fixed when the task was created.
 */
public interface TaskDeadlines {

    /** The due instant of each process that has one; processes without a running deadline are absent. */
    Map<Process, Instant> dueAt(Collection<Process> processes);

    /** A process of a case: the case's own track, or a clock's. */
    record Process(long caseId, String track) {}
}
