package org.imrflow.intake;

/** Standard review (30 days) or expedited review for an imminent and serious threat to health (3 days). */
public enum ReviewType {
    STANDARD, EXPEDITED
}
