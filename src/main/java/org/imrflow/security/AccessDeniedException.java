package org.imrflow.security;

/**
 * The actor may not see or do this; shown as 403 with the message. It is a Spring Security access denial, so the
 * shared error handlers of {@code web} know it without depending on this module, and this module can use
 * {@code web}'s controller stereotypes for its own pages.
 */
public class AccessDeniedException extends org.springframework.security.access.AccessDeniedException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
