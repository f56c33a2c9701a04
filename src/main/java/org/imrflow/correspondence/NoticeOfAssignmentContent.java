package org.imrflow.correspondence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a Notice of Assignment and Request for Information (NOARFI, 8 CCR 9792.10.4(b)) says.
 * {@code recordsDue} arrives formatted because only the caller knows the deadline's unit (a date, or a time of
 * day for an expedited review). The organization and the recipients are the letter's, not the content's.
 */
public record NoticeOfAssignmentContent(String caseNumber, LocalDate noticeDate, String reviewType,
        String employeeName, String claimNumber, LocalDate dateOfInjury, String employerName,
        String claimsAdministratorName, String requestingPhysicianName, LocalDate applicationReceived,
        LocalDate urDecisionDate, List<String> disputedItems, String recordsDue, String delivery) {

    /** The review types a notice can announce; each sets a different deadline for the determination. */
    public static final String STANDARD = "Standard";
    public static final String EXPEDITED = "Expedited";
    public static final String FORMULARY = "Formulary";

    /** How the notice is sent; the records are due sooner when it is sent electronically (9792.10.5(a)(1)). */
    public static final String MAIL = "mail";
    public static final String ELECTRONIC = "electronic";

    public NoticeOfAssignmentContent {
        Required.text(caseNumber, "caseNumber");
        Objects.requireNonNull(noticeDate, "noticeDate");
        Required.oneOf(reviewType, "reviewType", List.of(STANDARD, EXPEDITED, FORMULARY));
        Required.text(employeeName, "employeeName");
        Required.text(claimNumber, "claimNumber");
        Objects.requireNonNull(dateOfInjury, "dateOfInjury");
        Required.text(employerName, "employerName");
        Required.text(claimsAdministratorName, "claimsAdministratorName");
        Required.text(requestingPhysicianName, "requestingPhysicianName");
        Objects.requireNonNull(applicationReceived, "applicationReceived");
        Objects.requireNonNull(urDecisionDate, "urDecisionDate");
        disputedItems = Required.lines(disputedItems, "disputedItems", "the notice must name the disputed treatment");
        // the deadline is the point of the request: without it the claims administrator owes nothing by any date
        Required.text(recordsDue, "recordsDue");
        Required.oneOf(delivery, "delivery", List.of(MAIL, ELECTRONIC));
    }
}
