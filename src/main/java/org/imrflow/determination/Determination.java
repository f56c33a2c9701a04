package org.imrflow.determination;

import java.time.Instant;

/**
 * A case's final determination: how many items were upheld and overturned, and when it was issued. An
 * {@code imported} determination was issued elsewhere and came in with its letter: {@code issuedAt} is then the
 * start of its decision date in California, or null when the letter does not state one.
 */
public record Determination(int upheldItems, int overturnedItems, Instant issuedAt, boolean imported) {}
