package org.imrflow.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.imrflow.correspondence.GuidelineBasis;
import org.imrflow.deadlines.Delivery;
import org.imrflow.deadlines.ReviewType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * The new-application page's form as the browser sends it: every field may be missing or empty, and disputed
 * item rows left blank are ignored. {@link #toApplication()} turns it into the {@link ApplicationForm} the
 * intake checks.
 */
public class ApplicationDraft {

    static final int BLANK_ROWS = 3;

    private ReviewType reviewType;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate receivedDate;
    private String employeeFirstName;
    private String employeeLastName;
    private String claimNumber;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dateOfInjury;
    private String employerName;
    private String claimsAdministratorName;
    private String requestingPhysicianName;
    private String requestingPhysicianNpi;
    private String requestingPhysicianSpecialty;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate urDecisionDate;
    private Delivery urServiceMethod;
    private Boolean signed;
    private Boolean urDecisionAttached;
    private Boolean conditionalNonCertification;
    private AddressDraft employeeAddress = new AddressDraft();
    private AddressDraft employerAddress = new AddressDraft();
    private AddressDraft claimsAdministratorAddress = new AddressDraft();
    private AddressDraft requestingPhysicianAddress = new AddressDraft();
    private String representativeName;
    private AddressDraft representativeAddress = new AddressDraft();
    private List<Item> disputedItems = new ArrayList<>();
    private List<MultipartFile> documents = new ArrayList<>();

    static ApplicationDraft blank(LocalDate today) {
        ApplicationDraft draft = new ApplicationDraft();
        draft.setReviewType(ReviewType.STANDARD);
        draft.setReceivedDate(today);
        draft.fillRows();
        return draft;
    }

    /** Pads the item rows so the page always offers a few blank ones. */
    void fillRows() {
        while (disputedItems.size() < BLANK_ROWS) {
            disputedItems.add(new Item());
        }
    }

    /** The indexes of the rows with anything filled in, in order. */
    List<Integer> filledRows() {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < disputedItems.size(); i++) {
            if (disputedItems.get(i) != null && !disputedItems.get(i).isBlank()) {
                filled.add(i);
            }
        }
        return filled;
    }

    ApplicationForm toApplication() {
        List<ApplicationForm.DisputedItemForm> items = new ArrayList<>();
        for (int i : filledRows()) {
            Item item = disputedItems.get(i);
            items.add(new ApplicationForm.DisputedItemForm(strip(item.getDescription()), item.getQuantity(),
                    item.getTreatmentCategory(), strip(item.getAuthorized()), strip(item.getRemainingPortion()),
                    item.getClaimsAdministratorBasis(), strip(item.getClaimsAdministratorMtusCitation()),
                    strip(item.getClaimsAdministratorNonMtusCitation())));
        }
        return new ApplicationForm(null, null, reviewType, receivedDate, strip(employeeFirstName), strip(employeeLastName),
                strip(claimNumber), dateOfInjury, strip(employerName), strip(claimsAdministratorName),
                strip(requestingPhysicianName), strip(requestingPhysicianSpecialty), strip(requestingPhysicianNpi),
                employeeAddress.toAddress(),
                employerAddress.toAddress(), claimsAdministratorAddress.toAddress(),
                requestingPhysicianAddress.toAddress(), representative(), urDecisionDate, urServiceMethod, signed,
                urDecisionAttached, conditionalNonCertification, items, List.of());
    }

    /** The representative, if the page named one or gave an address for one (an address alone is an error). */
    private ApplicationForm.Representative representative() {
        Address address = representativeAddress.toAddress();
        String name = strip(representativeName);
        return (name == null || name.isEmpty()) && address == null ? null
                : new ApplicationForm.Representative(name, address);
    }

    /** The files chosen in the upload field; a field left empty still sends one empty part. */
    List<MultipartFile> chosenFiles() {
        return documents == null ? List.of() : documents.stream().filter(f -> f != null && !f.isEmpty()).toList();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** An address as the page sends it: all four fields empty means none was given. */
    public static class AddressDraft {

        private String street;
        private String city;
        private String state;
        private String zip;

        Address toAddress() {
            if (Stream.of(street, city, state, zip).allMatch(v -> v == null || v.isBlank())) {
                return null;
            }
            return new Address(strip(street), strip(city), state == null ? null : state.strip().toUpperCase(Locale.ROOT),
                    strip(zip));
        }

        public String getStreet() { return street; }
        public void setStreet(String street) { this.street = street; }
        public String getCity() { return city; }
        public void setCity(String city) { this.city = city; }
        public String getState() { return state; }
        public void setState(String state) { this.state = state; }
        public String getZip() { return zip; }
        public void setZip(String zip) { this.zip = zip; }
    }

    /** One disputed item row. */
    public static class Item {

        private String description;
        private BigDecimal quantity;
        private TreatmentCategory treatmentCategory;
        private String authorized;
        private String remainingPortion;
        private GuidelineBasis.Kind claimsAdministratorBasis;
        private String claimsAdministratorMtusCitation;
        private String claimsAdministratorNonMtusCitation;

        boolean isBlank() {
            return Stream.of(description, authorized, remainingPortion, claimsAdministratorMtusCitation,
                    claimsAdministratorNonMtusCitation).allMatch(v -> v == null || v.isBlank())
                    && quantity == null && treatmentCategory == null && claimsAdministratorBasis == null;
        }

        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public BigDecimal getQuantity() { return quantity; }
        public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
        public TreatmentCategory getTreatmentCategory() { return treatmentCategory; }
        public void setTreatmentCategory(TreatmentCategory treatmentCategory) { this.treatmentCategory = treatmentCategory; }
        public String getAuthorized() { return authorized; }
        public void setAuthorized(String authorized) { this.authorized = authorized; }
        public String getRemainingPortion() { return remainingPortion; }
        public void setRemainingPortion(String remainingPortion) { this.remainingPortion = remainingPortion; }
        public GuidelineBasis.Kind getClaimsAdministratorBasis() { return claimsAdministratorBasis; }
        public void setClaimsAdministratorBasis(GuidelineBasis.Kind basis) { this.claimsAdministratorBasis = basis; }
        public String getClaimsAdministratorMtusCitation() { return claimsAdministratorMtusCitation; }
        public void setClaimsAdministratorMtusCitation(String citation) { this.claimsAdministratorMtusCitation = citation; }
        public String getClaimsAdministratorNonMtusCitation() { return claimsAdministratorNonMtusCitation; }
        public void setClaimsAdministratorNonMtusCitation(String citation) { this.claimsAdministratorNonMtusCitation = citation; }
    }

    public ReviewType getReviewType() { return reviewType; }
    public void setReviewType(ReviewType reviewType) { this.reviewType = reviewType; }
    public LocalDate getReceivedDate() { return receivedDate; }
    public void setReceivedDate(LocalDate receivedDate) { this.receivedDate = receivedDate; }
    public String getEmployeeFirstName() { return employeeFirstName; }
    public void setEmployeeFirstName(String employeeFirstName) { this.employeeFirstName = employeeFirstName; }
    public String getEmployeeLastName() { return employeeLastName; }
    public void setEmployeeLastName(String employeeLastName) { this.employeeLastName = employeeLastName; }
    public String getClaimNumber() { return claimNumber; }
    public void setClaimNumber(String claimNumber) { this.claimNumber = claimNumber; }
    public LocalDate getDateOfInjury() { return dateOfInjury; }
    public void setDateOfInjury(LocalDate dateOfInjury) { this.dateOfInjury = dateOfInjury; }
    public String getEmployerName() { return employerName; }
    public void setEmployerName(String employerName) { this.employerName = employerName; }
    public String getClaimsAdministratorName() { return claimsAdministratorName; }
    public void setClaimsAdministratorName(String name) { this.claimsAdministratorName = name; }
    public String getRequestingPhysicianNpi() { return requestingPhysicianNpi; }
    public void setRequestingPhysicianNpi(String npi) { this.requestingPhysicianNpi = npi; }
    public String getRequestingPhysicianName() { return requestingPhysicianName; }
    public void setRequestingPhysicianName(String name) { this.requestingPhysicianName = name; }
    public String getRequestingPhysicianSpecialty() { return requestingPhysicianSpecialty; }
    public void setRequestingPhysicianSpecialty(String specialty) { this.requestingPhysicianSpecialty = specialty; }
    public LocalDate getUrDecisionDate() { return urDecisionDate; }
    public void setUrDecisionDate(LocalDate urDecisionDate) { this.urDecisionDate = urDecisionDate; }
    public Delivery getUrServiceMethod() { return urServiceMethod; }
    public void setUrServiceMethod(Delivery urServiceMethod) { this.urServiceMethod = urServiceMethod; }
    public Boolean getSigned() { return signed; }
    public void setSigned(Boolean signed) { this.signed = signed; }
    public Boolean getUrDecisionAttached() { return urDecisionAttached; }
    public void setUrDecisionAttached(Boolean urDecisionAttached) { this.urDecisionAttached = urDecisionAttached; }
    public Boolean getConditionalNonCertification() { return conditionalNonCertification; }
    public void setConditionalNonCertification(Boolean value) { this.conditionalNonCertification = value; }
    public AddressDraft getEmployeeAddress() { return employeeAddress; }
    public void setEmployeeAddress(AddressDraft address) { this.employeeAddress = address; }
    public AddressDraft getEmployerAddress() { return employerAddress; }
    public void setEmployerAddress(AddressDraft address) { this.employerAddress = address; }
    public AddressDraft getClaimsAdministratorAddress() { return claimsAdministratorAddress; }
    public void setClaimsAdministratorAddress(AddressDraft address) { this.claimsAdministratorAddress = address; }
    public AddressDraft getRequestingPhysicianAddress() { return requestingPhysicianAddress; }
    public void setRequestingPhysicianAddress(AddressDraft address) { this.requestingPhysicianAddress = address; }
    public String getRepresentativeName() { return representativeName; }
    public void setRepresentativeName(String name) { this.representativeName = name; }
    public AddressDraft getRepresentativeAddress() { return representativeAddress; }
    public void setRepresentativeAddress(AddressDraft address) { this.representativeAddress = address; }
    public List<Item> getDisputedItems() { return disputedItems; }
    public void setDisputedItems(List<Item> disputedItems) { this.disputedItems = disputedItems; }
    public List<MultipartFile> getDocuments() { return documents; }
    public void setDocuments(List<MultipartFile> documents) { this.documents = documents; }
}
