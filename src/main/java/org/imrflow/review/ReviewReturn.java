package org.imrflow.review;

import java.time.Instant;

/**
 * A review sent back to its reviewer, by the guideline check or by the medical director; {@code assignmentId} is
 * the reviewer's assignment (null for a return recorded before reviews belonged to assignments).
 */
public record ReviewReturn(long id, String source, String notes, String returnedBy, Instant createdAt,
                           Instant resolvedAt, Long assignmentId) {

    public boolean open() {
        return resolvedAt == null;
    }
}
