package org.imrflow.correspondence;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything the notice that a regular review has become expedited says (8 CCR 9792.10.4(c)). The deadlines
 * arrive formatted, as in the Notice of Assignment; {@code recordsDue} is null when the records are already
 * in, because the notice then asks the claims administrator for nothing.
 */
public record ExpeditedReviewNoticeContent(String caseNumber, LocalDate noticeDate, String employeeName,
        String certifyingPhysician, LocalDate certifiedOn, String determinationDue, String recordsDue) {

    public ExpeditedReviewNoticeContent {
        Required.text(caseNumber, "caseNumber");
        Objects.requireNonNull(noticeDate, "noticeDate");
        Required.text(employeeName, "employeeName");
        // the certification is what makes the review expedited, so the notice must say who gave it and when
        Required.text(certifyingPhysician, "certifyingPhysician");
        Objects.requireNonNull(certifiedOn, "certifiedOn");
        Required.text(determinationDue, "determinationDue");
        // blank would be ambiguous: null says the records are in, anything else is a deadline to print
        if (recordsDue != null && recordsDue.isBlank()) {
            throw new IllegalArgumentException("recordsDue must be null when the records are already in, not blank");
        }
    }
}
