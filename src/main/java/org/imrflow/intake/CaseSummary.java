package org.imrflow.intake;

import java.time.Instant;
import java.time.LocalDate;
import org.imrflow.deadlines.Delivery;
import org.imrflow.deadlines.ReviewType;

/**
 * A case's application data and where it stands. {@code assignedAt} is when the case was assigned for review
 * (the Notice of Assignment, or the assignment date of a case taken over from another system). A case made from
 * a letter issued elsewhere ({@link ImportedCases}) names its parties {@link ImportedCases#NOT_IN_LETTER}, and has
 * null where its letter states nothing: {@code reviewType}, {@code receivedDate}, {@code dateOfInjury},
 * {@code urDecisionDate}, {@code urServiceMethod}, {@code assignedAt}.
 */
public record CaseSummary(
        long id,
        String caseNumber,
        Stage stage,
        ReviewType reviewType,
        LocalDate receivedDate,
        String employeeFirstName,
        String employeeLastName,
        String claimNumber,
        LocalDate dateOfInjury,
        String employerName,
        String claimsAdministratorName,
        String requestingPhysicianName,
        String requestingPhysicianSpecialty,
        String requestingPhysicianNpi,
        LocalDate urDecisionDate,
        Delivery urServiceMethod,
        Boolean signed,
        Boolean urDecisionAttached,
        Boolean conditionalNonCertification,
        Instant assignedAt,
        boolean imported,
        Instant closedAt,
        Instant createdAt) {

    public String employeeName() {
        return (employeeFirstName + " " + employeeLastName).strip();
    }

    public boolean expedited() {
        return reviewType == ReviewType.EXPEDITED;
    }
}
