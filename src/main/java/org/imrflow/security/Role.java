package org.imrflow.security;

/**
 * The roles of the organization's staff. Each role that works tasks is a candidate group in the process
 * model.
 */
public enum Role {
    COORDINATOR("coordinators"),
    REVIEWER("reviewers"),
    MEDICAL_DIRECTOR("medical-directors"),
    AUDITOR(null),
    ADMIN(null);

    private final String candidateGroup;

    Role(String candidateGroup) {
        this.candidateGroup = candidateGroup;
    }

    /** The process model's candidate group for this role, or null if the role works no group tasks. */
    public String candidateGroup() {
        return candidateGroup;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
