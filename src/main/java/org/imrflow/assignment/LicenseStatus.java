package org.imrflow.assignment;

/** A license's standing with its board; only an ACTIVE license, not expired, qualifies a reviewer. */
public enum LicenseStatus {
    ACTIVE, INACTIVE, SUSPENDED, REVOKED,
    /** Recorded before licenses were verified (a state without number or expiry): not valid until recorded. */
    UNVERIFIED
}
