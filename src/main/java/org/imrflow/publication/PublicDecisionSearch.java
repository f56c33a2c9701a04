package org.imrflow.publication;

import java.time.LocalDate;
import org.imrflow.InvalidInputException;
import org.imrflow.intake.TreatmentCategory;

/**
 * What the public searches released decisions by, as the DWC search tool does (domain.md §6.5): the case number
 * (or its beginning), date ranges of the decision, the injury and the application's receipt, the reviewer's
 * specialty (any part of it), the outcome and a treatment category. Every field is optional.
 */
public record PublicDecisionSearch(String caseNumber, LocalDate decidedFrom, LocalDate decidedTo,
        LocalDate injuredFrom, LocalDate injuredTo, LocalDate receivedFrom, LocalDate receivedTo, String specialty,
        Outcome outcome, TreatmentCategory category) {

    /** Refuses a range that ends before it begins, naming the field. */
    void check() {
        range(decidedFrom, decidedTo, "decidedTo");
        range(injuredFrom, injuredTo, "injuredTo");
        range(receivedFrom, receivedTo, "receivedTo");
        if (caseNumber != null && caseNumber.length() > 16) {
            throw InvalidInputException.of("caseNumber", "A case number has at most 16 characters.");
        }
        if (specialty != null && specialty.length() > 100) {
            throw InvalidInputException.of("specialty", "Enter at most 100 characters.");
        }
    }

    private static void range(LocalDate from, LocalDate to, String field) {
        if (from != null && to != null && to.isBefore(from)) {
            throw InvalidInputException.of(field, "The end of the range cannot be before its beginning.");
        }
    }

    static PublicDecisionSearch all() {
        return new PublicDecisionSearch(null, null, null, null, null, null, null, null, null, null);
    }
}
