package org.imrflow;

import java.util.Map;

/**
 * Input that breaks a rule, with a plain-English message per field path ({@code dateOfInjury},
 * {@code items[1].decision}). Shown on the page next to each field, or as 400 with the errors in the API.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super("Invalid input: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
