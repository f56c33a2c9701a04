package org.imrflow.correspondence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The facts a Final Determination Letter states; its wording comes from the template version. The header
 * fields (case number to application received) may be null only for a version whose public text has no
 * header block. {@code organizationShortName} labels the organization's guideline line ("MAXIMUS
 * guideline: ...").
 *
 * @param priority "Standard" or "Expedited"
 */
public record DeterminationLetterContent(String templateVersion, String caseNumber, LocalDate dateAssigned,
        LocalDate dateOfInjury, LocalDate decisionDate, LocalDate urDenialDate, String priority,
        LocalDate applicationReceived, String organizationName, String organizationShortName,
        ReviewerCredentials credentials, String clinicalCaseSummary, List<ItemDetermination> items,
        List<ReviewerCredentials> panel) {

    public static final String STANDARD = "Standard";
    public static final String EXPEDITED = "Expedited";

    public DeterminationLetterContent {
        LetterTemplateVersions.Version version = LetterTemplateVersions.of(templateVersion);
        if (version.headerBlock()) {
            Required.text(caseNumber, "caseNumber");
            Objects.requireNonNull(dateAssigned, "dateAssigned");
            Objects.requireNonNull(dateOfInjury, "dateOfInjury");
            Objects.requireNonNull(decisionDate, "decisionDate");
            Objects.requireNonNull(urDenialDate, "urDenialDate");
            Objects.requireNonNull(applicationReceived, "applicationReceived");
        }
        if (version.headerBlock() || priority != null) {
            Required.oneOf(priority, "priority", List.of(STANDARD, EXPEDITED));
        }
        Required.text(organizationName, "organizationName");
        Required.text(organizationShortName, "organizationShortName");
        Objects.requireNonNull(credentials, "credentials");
        // the letter must state the employee's medical condition
        Required.text(clinicalCaseSummary, "clinicalCaseSummary");
        // the law requires a decision per disputed item, so a letter without one cannot be issued
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("items must contain the decision for every disputed item/service");
        }
        items = List.copyOf(items);
        panel = panel == null ? List.of() : List.copyOf(panel);
        if (panel.size() == 1) {
            throw new IllegalArgumentException("panel lists two reviewers or more, or none for a single reviewer");
        }
    }

    /** The letter of a case decided by one expert reviewer. */
    public DeterminationLetterContent(String templateVersion, String caseNumber, LocalDate dateAssigned,
            LocalDate dateOfInjury, LocalDate decisionDate, LocalDate urDenialDate, String priority,
            LocalDate applicationReceived, String organizationName, String organizationShortName,
            ReviewerCredentials credentials, String clinicalCaseSummary, List<ItemDetermination> items) {
        this(templateVersion, caseNumber, dateAssigned, dateOfInjury, decisionDate, urDenialDate, priority,
                applicationReceived, organizationName, organizationShortName, credentials, clinicalCaseSummary, items,
                List.of());
    }
}
