package org.imrflow.engine;

import java.time.Duration;

/**
 * The engine's own clock, which only the embedded engine lets the application move (for a simulation): its
 * timers fall due against it. A cluster's clock is its own, so in cluster mode there is no such bean.
 */
@FunctionalInterface
public interface EngineClock {

    /** Moves the engine's time forward; timers that fall due fire. */
    void advance(Duration by);
}
