package org.imrflow.review;

import java.time.Instant;

/** A review sent back to the reviewer, by the guideline check or by the medical director. */
public record ReviewReturn(long id, String source, String notes, String returnedBy, Instant createdAt,
                           Instant resolvedAt) {

    public boolean open() {
        return resolvedAt == null;
    }
}
