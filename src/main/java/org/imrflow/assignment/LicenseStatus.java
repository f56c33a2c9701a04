package org.imrflow.assignment;

/** A license's standing with its board; only an ACTIVE license, not expired, qualifies a reviewer. */
public enum LicenseStatus {
    ACTIVE("Active"),
    INACTIVE("Inactive or lapsed"),
    SUSPENDED("Suspended"),
    REVOKED("Revoked"),
    /** Recorded before licenses were verified (a state without number or expiry): not valid until recorded. */
    UNVERIFIED("Not verified");

    private final String label;

    LicenseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
