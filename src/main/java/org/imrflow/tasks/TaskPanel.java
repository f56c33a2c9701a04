package org.imrflow.tasks;

import java.util.Optional;
import org.imrflow.security.Actor;

/**
 * What the task page shows beside a task's form: the records a worker must see before deciding. The module
 * that assembles the case file provides it, so the inbox needs to know nothing of the case's content.
 */
public interface TaskPanel {

    /**
     * The panel for the template ({@code panel}) of a task the actor may see, or empty if the actor may see the task
     * but not its case.
     */
    Optional<?> forTask(InboxTask task, Actor actor);
}
