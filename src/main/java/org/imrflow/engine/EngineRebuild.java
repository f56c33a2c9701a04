package org.imrflow.engine;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the embedded engine's state from PostgreSQL at start-up: one process instance per open case,
 * started before the element the case was at, with its recorded variables. The embedded engine keeps
 * everything in memory, so without this every open case would be lost on restart.
 */
@Component
@ConditionalOnProperty(name = "imr.mode", havingValue = "embedded", matchIfMissing = true)
class EngineRebuild {

    private static final Logger log = LoggerFactory.getLogger(EngineRebuild.class);

    private final CaseProcessLedger ledger;
    private final CaseProcessStarter starter;
    private final CaseIncidents incidents;

    EngineRebuild(CaseProcessLedger ledger, CaseProcessStarter starter, CaseIncidents incidents) {
        this.ledger = ledger;
        this.starter = starter;
        this.incidents = incidents;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuild() {
        List<CaseProcessLedger.Position> open = ledger.openPositions();
        long started = System.nanoTime();
        for (CaseProcessLedger.Position position : open) {
            if (position.elementId() == null) {
                starter.start(position.variables());
            } else {
                starter.startBefore(position.elementId(), position.variables());
            }
        }
        incidents.resolveFromEarlierEngines();
        if (!open.isEmpty()) {
            log.info("Rebuilt the engine state of {} open cases in {} ms", open.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
