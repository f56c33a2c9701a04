package org.imrflow.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.audit.AuditLog;
import org.imrflow.engine.EngineClock;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the simulated time forward: the application's clock and the embedded engine's together, so that the
 * engine's timers fall due as the clocks of the cases say. The offset is kept in PostgreSQL, so a restart goes on
 * at the simulated time; the engine is moved to it before its state is rebuilt.
 */
@Service
public class Simulation {

    /** The longest single move: a year, enough for any statutory clock. */
    static final Duration LONGEST_MOVE = Duration.ofDays(366);

    private static final Logger log = LoggerFactory.getLogger(Simulation.class);

    private final Clock clock;
    private final ObjectProvider<EngineClock> engineClock;
    private final SimulationProperties properties;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    Simulation(Clock clock, ObjectProvider<EngineClock> engineClock, SimulationProperties properties, JdbcClient jdbc,
               AuditLog audit) {
        this.clock = clock;
        this.engineClock = engineClock;
        this.properties = properties;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public State state() {
        return new State(clock.instant(), clock instanceof SimulatedClock simulated ? simulated.offset() : Duration.ZERO,
                clock instanceof SimulatedClock);
    }

    /** Sets the time to {@code now}, which may not be earlier than the current time (administrators). */
    @Transactional
    public State setNow(Instant now, Actor actor) {
        SimulatedClock simulated = simulated(actor);
        Duration by = Duration.between(clock.instant(), now);
        if (by.isNegative()) {
            throw InvalidInputException.of("now", "The clock cannot be set backwards: it is " + clock.instant() + " now.");
        }
        return move(simulated, by, actor);
    }

    /** Moves the time forward by {@code by} (administrators). */
    @Transactional
    public State advance(Duration by, Actor actor) {
        SimulatedClock simulated = simulated(actor);
        if (by.isNegative() || by.isZero()) {
            throw InvalidInputException.of("advance", "Move the clock forward by a positive duration, such as P3D.");
        }
        return move(simulated, by, actor);
    }

    /** Before the engine is rebuilt: back to the simulated time of the last run, or on to {@code imr.simulation.start}. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void restore() {
        if (!(clock instanceof SimulatedClock simulated)) {
            return;
        }
        Duration stored = jdbc.sql("select offset_ms from simulated_time where id = 1").query(Long.class).optional()
                .map(Duration::ofMillis).orElse(Duration.ZERO);
        Duration target = stored;
        if (properties.start() != null) {
            Duration toStart = Duration.between(Instant.now(), properties.start().toInstant());
            target = toStart.compareTo(stored) > 0 ? toStart : stored;
        }
        if (target.isPositive()) {
            simulated.advance(target);
            engineClock.getObject().advance(target);
            save(simulated);
        }
        log.info("Simulation: the time is {} ({} ahead of real time)", clock.instant(), simulated.offset());
    }

    private State move(SimulatedClock simulated, Duration by, Actor actor) {
        if (by.compareTo(LONGEST_MOVE) > 0) {
            throw InvalidInputException.of("advance", "Move the clock by at most " + LONGEST_MOVE.toDays() + " days at a time.");
        }
        simulated.advance(by);
        engineClock.getObject().advance(by);
        save(simulated);
        audit.record("CLOCK_MOVED", null, "simulated time moved forward by " + by + " to " + clock.instant());
        return state();
    }

    private SimulatedClock simulated(Actor actor) {
        actor.require(Role.ADMIN);
        if (!(clock instanceof SimulatedClock simulated) || engineClock.getIfAvailable() == null) {
            throw new ConflictException("The clock can only be moved in embedded mode with imr.simulation.enabled=true.");
        }
        return simulated;
    }

    private void save(SimulatedClock simulated) {
        jdbc.sql("""
                insert into simulated_time (id, offset_ms) values (1, :offset)
                on conflict (id) do update set offset_ms = excluded.offset_ms""")
                .param("offset", simulated.offset().toMillis()).update();
    }

    /** The time now, how far it runs ahead of real time, and whether it can be moved. */
    public record State(Instant now, Duration offset, boolean simulated) {}
}
