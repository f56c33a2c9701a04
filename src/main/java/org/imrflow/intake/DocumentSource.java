package org.imrflow.intake;

/** Who sent a document of the case file. */
public enum DocumentSource {
    CLAIMS_ADMINISTRATOR("Claims administrator"),
    EMPLOYEE("Employee"),
    REQUESTING_PHYSICIAN("Requesting physician"),
    OTHER("Other");

    private final String label;

    DocumentSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The employee and the requesting physician: their documents let a review go on without the records (T9). */
    public boolean employeeOrPhysician() {
        return this == EMPLOYEE || this == REQUESTING_PHYSICIAN;
    }
}
