package org.imrflow.tasks.form;

/** A form file cannot be used; thrown at start-up so a broken form never reaches a user. */
public class InvalidFormException extends RuntimeException {

    public InvalidFormException(String source, String problem, Throwable cause) {
        super("Invalid form file " + source + ": " + problem, cause);
    }

    public InvalidFormException(String source, String problem) {
        this(source, problem, null);
    }
}
