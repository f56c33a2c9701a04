package org.imrflow;

/** No such case, task, letter or document (or none the actor may see): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
