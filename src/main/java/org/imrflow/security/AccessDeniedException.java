package org.imrflow.security;

/** The actor may not see or do this; shown as 403 with the message. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
