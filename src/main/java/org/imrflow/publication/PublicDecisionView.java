package org.imrflow.publication;

import java.time.LocalDate;
import java.util.List;
import org.imrflow.intake.TreatmentCategory;

/** A released decision as the public sees it: its search fields, nothing of who released it or when it was prepared. */
public record PublicDecisionView(String caseNumber, LocalDate decisionDate, LocalDate dateOfInjury,
        LocalDate receivedDate, String specialty, Outcome outcome, String outcomeLabel, List<TreatmentCategory> categories,
        List<String> categoryLabels) {

    static PublicDecisionView of(PublicDecision decision) {
        return new PublicDecisionView(decision.caseNumber(), decision.decisionDate(), decision.dateOfInjury(),
                decision.receivedDate(), decision.specialty(), decision.outcome(), decision.outcome().label(),
                decision.categories(), decision.categories().stream().map(TreatmentCategory::label).toList());
    }
}
