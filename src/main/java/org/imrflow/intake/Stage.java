package org.imrflow.intake;

/** The lifecycle stages a case passes through, in order. */
public enum Stage {
    ELIGIBILITY("Eligibility"),
    RECORDS("Medical records"),
    REVIEWER_SELECTION("Reviewer selection"),
    CLINICAL_REVIEW("Clinical review"),
    QUALITY_REVIEW("Quality review"),
    NOTICE("Notice"),
    DECIDED("Decided"),
    INELIGIBLE("Ineligible"),
    /** The claims administrator authorized the disputed treatment before the determination (8 CCR 9792.10.6(a)). */
    TERMINATED("Terminated");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean closed() {
        return this == DECIDED || this == INELIGIBLE || this == TERMINATED;
    }
}
