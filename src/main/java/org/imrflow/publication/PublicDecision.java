package org.imrflow.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.imrflow.intake.TreatmentCategory;

/**
 * The public copy of a decided case: when it was prepared, the names a coordinator had removed besides the parties',
 * whether and by whom it was released, and the fields the public searches it by.
 */
public record PublicDecision(String caseNumber, Instant preparedAt, List<String> extraRedactions, Instant releasedAt,
        String releasedBy, LocalDate decisionDate, LocalDate dateOfInjury, LocalDate receivedDate, String specialty,
        Outcome outcome, List<TreatmentCategory> categories) {

    public boolean released() {
        return releasedAt != null;
    }
}
