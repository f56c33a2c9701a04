package org.imrflow.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Real time plus an offset that only grows: the application's clock during a simulation. */
final class SimulatedClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset());
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    void advance(Duration by) {
        offsetMillis.addAndGet(by.toMillis());
    }
}
