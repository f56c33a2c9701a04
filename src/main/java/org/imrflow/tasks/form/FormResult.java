package org.imrflow.tasks.form;

import java.util.Map;

/**
 * The outcome of validating a submission: {@code values} are typed and ready to complete the job with and are
 * only meaningful when {@code errors} (field path to message, in form order) is empty.
 */
public record FormResult(Map<String, Object> values, Map<String, String> errors) {

    public FormResult {
        values = java.util.Collections.unmodifiableMap(values);
        errors = java.util.Collections.unmodifiableMap(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
