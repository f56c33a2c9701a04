package org.imrflow.engine;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>Nothing else may start or move a process meanwhile, or a case the rebuild had found would get a second
 * process: the web and the API answer 503 until the application is ready (after this listener), and job
 * workers wait for {@link EngineReadiness}.
 */
@Component
@ConditionalOnProperty(name = "imr.mode", havingValue = "embedded", matchIfMissing = true)
class EngineRebuild {

    /** After the simulated time, if any, is restored: rebuilt timers are due against that time. */
    static final int ORDER = 100;

    private static final Logger log = LoggerFactory.getLogger(EngineRebuild.class);

    private final CaseProcessLedger ledger;
    private final EngineCommandRelay relay;
    private final EngineCommandOutbox outbox;
    private final EngineLifetime lifetime;
    private final CaseMessages messages;
    private final CaseIncidents incidents;
    private final EngineReadiness readiness;

    EngineRebuild(CaseProcessLedger ledger, EngineCommandRelay relay, EngineCommandOutbox outbox,
                  EngineLifetime lifetime, CaseMessages messages, CaseIncidents incidents, EngineReadiness readiness) {
        this.ledger = ledger;
        this.relay = relay;
        this.outbox = outbox;
        this.lifetime = lifetime;
        this.messages = messages;
        this.incidents = incidents;
        this.readiness = readiness;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(ORDER)
    void rebuild() {
        // what the outbox still held for the earlier engine is what the ledger records: the rebuild does it
        int superseded = outbox.supersedeOtherLifetimes(lifetime);
        List<CaseProcessLedger.Position> open = ledger.openPositions();
        long started = System.nanoTime();
        for (CaseProcessLedger.Position position : open) {
            long key = relay.create(position.processId(), position.variables(), position.elementId());
            ledger.started(position.ref(), position.track(), key, lifetime);
            if (position.messageName() != null) {
                messages.replay(position.messageName(), position.messageKey(), position.result());
            }
        }
        incidents.resolveFromEarlierEngines();
        readiness.restored(open.size());
        log.info("Rebuilt the engine state of {} open processes in {} ms ({} commands for the earlier engine done with it)",
                open.size(), (System.nanoTime() - started) / 1_000_000, superseded);
    }
}
