package org.imrflow.determination;

import java.time.Instant;

/** A case's final determination: how many items were upheld and overturned, and when it was issued. */
public record Determination(int upheldItems, int overturnedItems, Instant issuedAt) {}
