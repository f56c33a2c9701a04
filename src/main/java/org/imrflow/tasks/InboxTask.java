package org.imrflow.tasks;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** A human task in the inbox. */
public record InboxTask(long id, long caseId, String caseNumber, String track, String elementId, String name,
                        String formKey, String assignee, List<String> candidateGroups, String claimedBy, Instant dueAt,
                        String status, Instant createdAt, Instant completedAt, String completedBy) {

    /** The same task, due when its case's deadline says. */
    InboxTask dueAt(Instant due) {
        return new InboxTask(id, caseId, caseNumber, track, elementId, name, formKey, assignee, candidateGroups,
                claimedBy, due, status, createdAt, completedAt, completedBy);
    }

    /** The same task with its logins (assignee, claimant, completer) as a reader may see them. */
    public InboxTask withLogins(UnaryOperator<String> shown) {
        return new InboxTask(id, caseId, caseNumber, track, elementId, name, formKey, shown.apply(assignee),
                candidateGroups, shown.apply(claimedBy), dueAt, status, createdAt, completedAt, shown.apply(completedBy));
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** Who works the task now: the assignee the process set, or whoever claimed it. */
    public String owner() {
        return assignee != null ? assignee : claimedBy;
    }
}
