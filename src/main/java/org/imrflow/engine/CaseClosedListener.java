package org.imrflow.engine;

import org.imrflow.intake.CaseClosed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A closed case's process is over: the rebuild leaves it alone. */
@Component
class CaseClosedListener {

    private final CaseProcessLedger ledger;

    CaseClosedListener(CaseProcessLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(CaseClosed closed) {
        ledger.ended(closed.caseId());
    }
}
