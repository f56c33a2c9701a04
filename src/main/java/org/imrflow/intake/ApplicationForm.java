package org.imrflow.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.imrflow.correspondence.GuidelineBasis;
import org.imrflow.deadlines.Delivery;
import org.imrflow.deadlines.ReviewType;

/**
 * An Application for Independent Medical Review (DWC Form IMR) as entered by a coordinator or sent to the API.
 * The three eligibility facts may be left open (null): the screening then asks a coordinator to review them.
 * An application transferred from another system keeps its {@code caseNumber} and, if it was assigned there,
 * its {@code assignedDate}; both are optional, for the API only. The parties' addresses, and the employee's
 * representative if there is one, are where the notices and the letter are mailed.
 */
public record ApplicationForm(
        @Pattern(regexp = CASE_NUMBER, message = "A case number looks like CM26-0012345.") String caseNumber,
        LocalDate assignedDate,
        @NotNull ReviewType reviewType,
        @NotNull LocalDate receivedDate,
        @NotBlank @Size(max = 100) String employeeFirstName,
        @NotBlank @Size(max = 100) String employeeLastName,
        @NotBlank @Size(max = 60) String claimNumber,
        @NotNull LocalDate dateOfInjury,
        @NotBlank @Size(max = 200) String employerName,
        @NotBlank @Size(max = 200) String claimsAdministratorName,
        @NotBlank @Size(max = 200) String requestingPhysicianName,
        @NotBlank @Size(max = 100) String requestingPhysicianSpecialty,
        @Size(max = 20) String requestingPhysicianNpi,
        @Valid Address employeeAddress,
        @Valid Address employerAddress,
        @Valid Address claimsAdministratorAddress,
        @Valid Address requestingPhysicianAddress,
        @Valid Representative representative,
        @NotNull LocalDate urDecisionDate,
        @NotNull Delivery urServiceMethod,
        Boolean signed,
        Boolean urDecisionAttached,
        Boolean conditionalNonCertification,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull DisputedItemForm> disputedItems,
        @Size(max = 20) List<@Valid @NotNull DocumentUpload> documents) {

    /** CM, the year's last two digits, a dash and seven digits. */
    public static final String CASE_NUMBER = "CM\\d{2}-\\d{7}";

    public ApplicationForm {
        disputedItems = disputedItems == null ? new ArrayList<>() : disputedItems;
        documents = documents == null ? List.of() : documents;
    }

    /** The attorney or other designee acting for the employee: every notice goes to them too. */
    public record Representative(@NotBlank @Size(max = 200) String name, @Valid Address address) {}

    /**
     * One disputed item of medical treatment, as the claims administrator's UR decision described it: the original
     * request; what the claims administrator authorized of it, if anything, and then the portion that remains
     * IMR-eligible (none given: the whole request remains, the authorization being something else); and what
     * the claims administrator based its decision on.
     */
    public record DisputedItemForm(
            @NotBlank @Size(max = 1000) String description,
            @DecimalMin(value = "0.01") @Digits(integer = 8, fraction = 2) BigDecimal quantity,
            @NotNull TreatmentCategory treatmentCategory,
            @Size(max = 1000) String authorized,
            @Size(max = 1000) String remainingPortion,
            @NotNull GuidelineBasis.Kind claimsAdministratorBasis,
            String claimsAdministratorMtusCitation,
            String claimsAdministratorNonMtusCitation) {}

    /**
     * A document through the API: a PDF or plain text, base64-encoded. With an application it comes from the
     * employee unless {@code source} says otherwise; added later, its source and date received are required.
     */
    public record DocumentUpload(
            @NotBlank @Size(max = 255) String fileName,
            @NotBlank @Size(max = 100) String contentType,
            @NotBlank @Size(max = 28_000_000) String contentBase64,
            DocumentSource source,
            LocalDate receivedDate) {}
}
