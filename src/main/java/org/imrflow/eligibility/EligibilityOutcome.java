package org.imrflow.eligibility;

/** What the screening concluded. */
public enum EligibilityOutcome {
    ELIGIBLE, INELIGIBLE, INCOMPLETE
}
