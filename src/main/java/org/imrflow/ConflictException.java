package org.imrflow;

import java.util.Map;

/**
 * The request does not fit the current state (a task already completed, a case already decided): 409. It may carry
 * what the client needs to resolve the conflict ({@code openCases}), as properties of the problem.
 */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> properties;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, ?> properties) {
        super(message);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
