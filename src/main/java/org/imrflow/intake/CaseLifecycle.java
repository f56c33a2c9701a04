package org.imrflow.intake;

import java.time.Instant;
import java.time.LocalDate;
import org.imrflow.audit.AuditLog;
import org.imrflow.engine.CaseProcessLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves cases through their stages. Called by the other modules' steps, inside their transactions.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class CaseLifecycle {

    private final CaseRepository cases;
    private final AuditLog audit;
    private final CaseProcessLedger processes;

    CaseLifecycle(CaseRepository cases, AuditLog audit, CaseProcessLedger processes) {
        this.cases = cases;
        this.audit = audit;
        this.processes = processes;
    }

    public void moveTo(long caseId, Stage stage) {
        CaseSummary current = cases.findById(caseId).orElseThrow();
        if (current.stage() == stage) {
            return;
        }
        if (current.stage().closed()) {
            throw new IllegalStateException("Case " + current.caseNumber() + " is closed");
        }
        cases.updateStage(caseId, stage);
        audit.record("STAGE_CHANGED", current.caseNumber(), current.stage().label() + " -> " + stage.label());
        if (stage.closed()) {
            // the case's process has nothing left to do: the rebuild leaves it alone
            processes.ended(caseId);
        }
    }

    /** The case's stage, read with its row locked until the transaction ends, so that no other change overtakes it. */
    public Stage lockStage(long caseId) {
        return cases.lockStage(caseId);
    }

    /**
     * The claims administrator authorized the disputed treatment: the case is terminated and closed. The caller
     * stops its clocks and sends the notice.
     */
    public void terminated(long caseId, Instant at, LocalDate treatmentAuthorizedOn, String reason) {
        cases.terminate(caseId, at, treatmentAuthorizedOn, reason);
        moveTo(caseId, Stage.TERMINATED);
    }

    /** The date the claims administrator authorized the treatment of a terminated case; null for any other. */
    public LocalDate treatmentAuthorizedOn(long caseId) {
        return cases.treatmentAuthorizedOn(caseId);
    }

    /** The case was assigned for review (the Notice of Assignment); a case taken over keeps its assignment date. */
    public void assigned(long caseId, Instant assignedAt) {
        cases.updateAssignment(caseId, assignedAt);
    }

    /** A coordinator recorded the eligibility facts the application left open. */
    public void recordEligibilityFacts(long caseId, boolean signed, boolean urDecisionAttached,
                                       boolean conditionalNonCertification) {
        cases.updateEligibilityFacts(caseId, signed, urDecisionAttached, conditionalNonCertification);
    }
}
