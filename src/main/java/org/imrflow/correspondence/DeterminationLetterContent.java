package org.imrflow.correspondence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a Final Determination Letter says. {@code organizationShortName} labels the IMRO's own
 * guideline line ("MAXIMUS guideline: ..." in the seed letters).
 */
public record DeterminationLetterContent(String caseNumber, LocalDate dateAssigned, LocalDate urDenialDate,
        LocalDate determinationDate, String organizationName, String organizationShortName,
        ReviewerCredentials credentials, String clinicalCaseSummary, List<ItemDetermination> items) {

    public DeterminationLetterContent {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(dateAssigned, "dateAssigned");
        Objects.requireNonNull(urDenialDate, "urDenialDate");
        Objects.requireNonNull(determinationDate, "determinationDate");
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(organizationShortName, "organizationShortName");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(clinicalCaseSummary, "clinicalCaseSummary");
        if (clinicalCaseSummary.isBlank()) {
            throw new IllegalArgumentException("clinicalCaseSummary must not be blank: the letter must state the employee's medical condition");
        }
        // the law requires a decision per disputed item, so a letter without one cannot be issued
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("items must contain the decision for every disputed item/service");
        }
        items = List.copyOf(items);
    }
}
