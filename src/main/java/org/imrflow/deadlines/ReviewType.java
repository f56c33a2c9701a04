package org.imrflow.deadlines;

/**
 * The kind of review, which decides the statutory clocks: standard (determination in 30 days), expedited for an
 * imminent and serious threat to health (3 days, records in 24 hours) or a dispute over a drug of the MTUS drug
 * formulary (5 business days, LC 4610.6(d)(1)(A)).
 */
public enum ReviewType {
    STANDARD("Standard"), EXPEDITED("Expedited"), FORMULARY("Formulary");

    private final String label;

    ReviewType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
