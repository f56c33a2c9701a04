package org.imrflow.intake;

import java.time.Instant;
import java.time.LocalDate;

/** A case's application data and where it stands. */
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
        LocalDate urDecisionDate,
        Boolean signed,
        Boolean urDecisionAttached,
        Boolean conditionalNonCertification,
        Instant assignedAt,
        LocalDate determinationDue,
        Instant closedAt,
        Instant createdAt) {

    public String employeeName() {
        return employeeFirstName + " " + employeeLastName;
    }

    public boolean expedited() {
        return reviewType == ReviewType.EXPEDITED;
    }
}
