package org.imrflow.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.imrflow.DomainMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the embedded engine's state from PostgreSQL at start-up: one process instance per open track of
 * each open case (the case's own process and its running clocks), started before the element the track was
 * at, with its recorded variables; a wait that a message had ended gets its message again. Timers come back
 * with their recorded due dates, and fire at once if those passed while the application was down. Commands that
 * the outbox still held for the earlier engine are done by the rebuild, and marked so. The
 * embedded engine keeps everything in memory, so without this every open case would be lost on restart.
 *
 * <p>The instances are created with up to {@code imr.engine.rebuild.concurrency} commands in flight (default 32),
 * and their keys written to the ledger in batches; the gauge {@code imr.engine.rebuild.remaining} counts down.
 *
 * <p>Nothing else may start or move a process meanwhile, or a case the rebuild had found would get a second
 * process: the web and the API answer 503 until the application is ready (after this listener), and job
 * workers wait for {@link EngineReadiness}.
 */
@Component
@ConditionalOnProperty(name = "imr.mode", havingValue = "embedded", matchIfMissing = true)
class EngineRebuild {

    /** After the simulated time, if any, is restored: rebuilt timers are due against that time. */
    static final int ORDER = 100;
    /** Tracks whose instance keys are written to the ledger in one statement. */
    private static final int LEDGER_BATCH = 500;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(EngineRebuild.class);

    private final CaseProcessLedger ledger;
    private final EngineCommandRelay relay;
    private final EngineCommandOutbox outbox;
    private final EngineLifetime lifetime;
    private final CaseMessages messages;
    private final CaseIncidents incidents;
    private final EngineReadiness readiness;
    private final int concurrency;
    private final AtomicInteger remaining = new AtomicInteger();

    EngineRebuild(CaseProcessLedger ledger, EngineCommandRelay relay, EngineCommandOutbox outbox,
                  EngineLifetime lifetime, CaseMessages messages, CaseIncidents incidents, EngineReadiness readiness,
                  DomainMeters meters, @Value("${imr.engine.rebuild.concurrency:32}") int concurrency) {
        this.ledger = ledger;
        this.relay = relay;
        this.outbox = outbox;
        this.lifetime = lifetime;
        this.messages = messages;
        this.incidents = incidents;
        this.readiness = readiness;
        this.concurrency = Math.max(1, concurrency);
        meters.gauge("imr.engine.rebuild.remaining", remaining::get);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(ORDER)
    void rebuild() {
        // what the outbox still held for the earlier engine is what the ledger records: the rebuild does it
        int superseded = outbox.supersedeOtherLifetimes(lifetime);
        List<CaseProcessLedger.Position> open = ledger.openPositions();
        remaining.set(open.size());
        long started = System.nanoTime();
        Semaphore inFlight = new Semaphore(concurrency);
        Queue<CaseProcessLedger.Started> confirmed = new ConcurrentLinkedQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        for (CaseProcessLedger.Position position : open) {
            if (failure.get() != null) {
                break;
            }
            inFlight.acquireUninterruptibly();
            start(position).whenComplete((key, fault) -> {
                if (fault != null) {
                    failure.compareAndSet(null, fault);
                } else {
                    confirmed.add(new CaseProcessLedger.Started(position.ref(), position.track(), key));
                    remaining.decrementAndGet();
                }
                inFlight.release();
            });
            if (confirmed.size() >= LEDGER_BATCH) {
                record(confirmed);
            }
            if (System.nanoTime() > nextProgress) {
                log.info("Rebuilding the engine state: {} of {} open processes started", open.size() - remaining.get(),
                        open.size());
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
        }
        inFlight.acquireUninterruptibly(concurrency); // every command sent has been answered
        record(confirmed);
        if (failure.get() != null) {
            throw new IllegalStateException("The engine state could not be rebuilt: "
                    + failure.get().getClass().getSimpleName(), failure.get());
        }
        incidents.resolveFromEarlierEngines();
        readiness.restored(open.size());
        log.info("Rebuilt the engine state of {} open processes in {} ms ({} commands for the earlier engine done with it)",
                open.size(), (System.nanoTime() - started) / 1_000_000, superseded);
    }

    /** Starts the track's instance before its element, then sends the message that had ended its wait, if any. */
    private CompletableFuture<Long> start(CaseProcessLedger.Position position) {
        CompletableFuture<Long> created = relay.createAsync(position.processId(), position.variables(),
                position.elementId());
        if (position.messageName() == null) {
            return created;
        }
        return created.thenCompose(key -> messages.replay(position.messageName(), position.messageKey(),
                position.result()).thenApply(published -> key));
    }

    /** Records the confirmed instances in the ledger, a batch at a time. */
    private void record(Queue<CaseProcessLedger.Started> confirmed) {
        List<CaseProcessLedger.Started> batch = new ArrayList<>(LEDGER_BATCH);
        for (CaseProcessLedger.Started track = confirmed.poll(); track != null; track = confirmed.poll()) {
            batch.add(track);
            if (batch.size() == LEDGER_BATCH) {
                ledger.startedAll(batch, lifetime);
                batch.clear();
            }
        }
        ledger.startedAll(batch, lifetime);
    }
}
