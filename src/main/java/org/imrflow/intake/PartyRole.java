package org.imrflow.intake;

/** The parties of an Independent Medical Review: who receives its notices and its letters. */
public enum PartyRole {
    EMPLOYEE("Employee"),
    REPRESENTATIVE("Employee's representative"),
    REQUESTING_PHYSICIAN("Requesting physician"),
    CLAIMS_ADMINISTRATOR("Claims administrator"),
    EMPLOYER("Employer");

    private final String label;

    PartyRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
