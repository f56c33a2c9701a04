package org.imrflow.casefile;

import org.imrflow.ConflictException;
import org.imrflow.engine.CaseIncidents;
import org.imrflow.intake.CaseFiles;
import org.imrflow.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A coordinator re-runs a failed automated step of a case they can see. */
@Service
class IncidentRetries {

    private final CaseFiles cases;
    private final CaseIncidents incidents;

    IncidentRetries(CaseFiles cases, CaseIncidents incidents) {
        this.cases = cases;
        this.incidents = incidents;
    }

    @Transactional
    void retry(String caseNumber, long incidentId, Actor actor) {
        if (!incidents.retry(cases.reference(caseNumber, actor), incidentId, actor)) {
            throw new ConflictException("The failed step has already been retried or resolved.");
        }
    }
}
