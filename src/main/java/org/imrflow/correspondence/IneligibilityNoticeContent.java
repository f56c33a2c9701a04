package org.imrflow.correspondence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Everything a notice of ineligibility says; the reasons are required because the notice must state them. */
public record IneligibilityNoticeContent(String caseNumber, String employeeName, LocalDate applicationReceived,
        LocalDate urDecisionDate, LocalDate noticeDate, List<String> reasons) {

    public IneligibilityNoticeContent {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(employeeName, "employeeName");
        Objects.requireNonNull(applicationReceived, "applicationReceived");
        Objects.requireNonNull(urDecisionDate, "urDecisionDate");
        Objects.requireNonNull(noticeDate, "noticeDate");
        if (reasons == null || reasons.isEmpty()) {
            throw new IllegalArgumentException("reasons must state at least one ground of ineligibility");
        }
        reasons = List.copyOf(reasons);
    }
}
