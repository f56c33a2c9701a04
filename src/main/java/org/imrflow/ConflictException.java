package org.imrflow;

/** The request does not fit the current state (a task already completed, a case already decided): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
