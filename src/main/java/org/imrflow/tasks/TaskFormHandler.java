package org.imrflow.tasks;

import java.util.Map;

/**
 * What a domain module does when one of its human tasks is shown and completed. The tasks module validates
 * the submission against the form first; the handler then applies the domain's own rules and records the
 * result, in the same transaction as the task's completion.
 */
public interface TaskFormHandler {

    /** The form this handler serves ({@code formKey} in the process model). */
    String formKey();

    /** Values the form shows besides the job's variables, for example rows built from PostgreSQL. */
    default Map<String, Object> prefill(TaskContext task) {
        return Map.of();
    }

    /**
     * Records a completion. Throws {@link org.imrflow.InvalidInputException} with field errors to reject it.
     *
     * @return further process variables to complete the job with
     */
    Map<String, Object> complete(TaskContext task, Map<String, Object> values);
}
