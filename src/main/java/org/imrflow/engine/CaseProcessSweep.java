package org.imrflow.engine;

import java.time.Duration;
import java.util.List;
import org.imrflow.ScheduledOnce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds open tracks of cases that have no process on the engine and nobody starting one, and starts them through the
 * outbox, as the embedded engine's rebuild would: before the element the track stands at, with its recorded variables
 * and, if a message had ended its wait, that message again. What it finds: an open track (not ended) with no process
 * instance whose creation this engine confirmed, no creation waiting in the outbox, and no change for
 * {@code imr.engine.sweep-grace}. Every {@code imr.engine.sweep-interval}, on one instance.
 *
 * <p>With the outbox such a track is rare: a process started before the outbox existed whose first job has not
 * arrived yet (cluster mode), or a row changed by hand. Should the old instance still exist, its next job finds it is
 * not the track's instance and cancels it ({@link CaseJobs}).
 */
@Component
class CaseProcessSweep {

    private static final Logger log = LoggerFactory.getLogger(CaseProcessSweep.class);

    private final CaseProcessLedger ledger;
    private final EngineCommands commands;
    private final CaseMessages messages;
    private final EngineLifetime lifetime;
    private final EngineReadiness readiness;
    private final ScheduledOnce once;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final Duration grace;

    CaseProcessSweep(CaseProcessLedger ledger, EngineCommands commands, CaseMessages messages, EngineLifetime lifetime,
                     EngineReadiness readiness, ScheduledOnce once, TransactionTemplate transactions,
                     @Value("${imr.engine.sweep-interval:PT1M}") Duration interval,
                     @Value("${imr.engine.sweep-grace:PT2M}") Duration grace) {
        this.ledger = ledger;
        this.commands = commands;
        this.messages = messages;
        this.lifetime = lifetime;
        this.readiness = readiness;
        this.once = once;
        this.transactions = transactions;
        this.interval = interval;
        this.grace = grace;
    }

    @Scheduled(initialDelayString = "${imr.engine.sweep-interval:PT1M}",
            fixedDelayString = "${imr.engine.sweep-interval:PT1M}")
    void scheduled() {
        if (readiness.isRestored()) {
            once.runOncePer("case-process-sweep", interval, this::sweep);
        }
    }

    /** Starts the tracks found; returns how many. */
    int sweep() {
        List<CaseProcessLedger.Position> found = ledger.withoutInstance(lifetime, grace);
        int started = 0;
        for (CaseProcessLedger.Position position : found) {
            Boolean restarted = transactions.execute(status -> {
                if (!ledger.lockWithoutInstance(position.ref(), position.track(), lifetime)) {
                    return false;
                }
                commands.create(position.ref(), position.track(), position.processId(), position.variables(),
                        position.elementId());
                if (position.messageName() != null) {
                    messages.replayAfterCommit(position.ref(), position.messageName(), position.messageKey(),
                            position.result());
                }
                return true;
            });
            if (Boolean.TRUE.equals(restarted)) {
                started++;
                log.warn("Case {} had no process on track {}: started at {}", position.ref().caseNumber(),
                        position.track(), position.elementId() == null ? "its start" : position.elementId());
            }
        }
        return started;
    }
}
