package org.imrflow.correspondence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a request for information during the eligibility review says (8 CCR 9792.10.3(c)): what the
 * organization needs to decide whether the application is eligible, from whom; the answer is due 5 business days
 * after the request is received.
 */
public record InformationRequestContent(String caseNumber, LocalDate noticeDate, String employeeName,
        LocalDate applicationReceived, LocalDate urDecisionDate, List<String> requested) {

    public InformationRequestContent {
        Required.text(caseNumber, "caseNumber");
        Objects.requireNonNull(noticeDate, "noticeDate");
        Required.text(employeeName, "employeeName");
        Objects.requireNonNull(applicationReceived, "applicationReceived");
        Objects.requireNonNull(urDecisionDate, "urDecisionDate");
        requested = Required.lines(requested, "requested", "a request must say what it asks for");
    }
}
