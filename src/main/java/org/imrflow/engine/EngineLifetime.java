package org.imrflow.engine;

import java.util.UUID;

/**
 * Identifies the engine whose job keys are currently valid.
 *
 * <p>The embedded engine loses its state on every restart and hands out the same keys again, so a job key
 * stored in PostgreSQL is only meaningful together with the lifetime it was issued in. A cluster keeps its
 * keys unique, so it has one lifetime.
 */
public record EngineLifetime(String id) {

    static final EngineLifetime CLUSTER = new EngineLifetime("cluster");

    static EngineLifetime newEmbedded() {
        return new EngineLifetime("embedded-" + UUID.randomUUID());
    }

    public boolean issued(String lifetimeId) {
        return id.equals(lifetimeId);
    }
}
