package org.imrflow.assignment;

/** What ties a reviewer to an organization or a person (domain.md §4.4): each is screened against a case's parties. */
public enum AffiliationKind {
    EMPLOYER("Employer"),
    CLAIMS_ADMINISTRATOR("Insurer or claims administrator"),
    UTILIZATION_REVIEW_ORGANIZATION("Utilization review organization"),
    MEDICAL_GROUP("Medical group"),
    FACILITY("Facility"),
    MANUFACTURER("Manufacturer"),
    FAMILY("Family member"),
    OTHER("Other");

    private final String label;

    AffiliationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
