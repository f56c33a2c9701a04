package org.imrflow.intake;

import java.math.BigDecimal;

/** A disputed item of treatment, in the order of the application. */
public record DisputedItem(long id, int lineNo, String description, BigDecimal quantity,
                           TreatmentCategory treatmentCategory, String claimsAdministratorGuideline) {

    /** The item as the letter names it: the description, with the quantity as the seeds show it. */
    public String title() {
        return quantity == null ? description : description + " QTY: " + quantity.setScale(2);
    }
}
