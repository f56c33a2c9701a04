package org.imrflow.correspondence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything the notice that a review is terminated says: the claims administrator authorized the disputed
 * treatment (8 CCR 9792.10.6(a)), so no determination will be issued.
 *
 * @param reason what the coordinator recorded of the authorization, or null
 */
public record TerminationNoticeContent(String caseNumber, LocalDate noticeDate, String employeeName,
        String claimsAdministratorName, LocalDate treatmentAuthorizedOn, List<String> disputedItems, String reason) {

    public TerminationNoticeContent {
        Required.text(caseNumber, "caseNumber");
        Objects.requireNonNull(noticeDate, "noticeDate");
        Required.text(employeeName, "employeeName");
        Required.text(claimsAdministratorName, "claimsAdministratorName");
        Objects.requireNonNull(treatmentAuthorizedOn, "treatmentAuthorizedOn");
        disputedItems = Required.lines(disputedItems, "disputedItems", "the notice must name the treatment authorized");
        if (reason != null && reason.isBlank()) {
            throw new IllegalArgumentException("reason must be null when none was recorded, not blank");
        }
    }
}
