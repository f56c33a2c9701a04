package org.imrflow.intake;

import java.math.BigDecimal;
import org.imrflow.correspondence.GuidelineBasis;
import org.imrflow.correspondence.PartialApproval;

/**
 * A disputed item of treatment, in the order of the application: the original request, what the claims
 * administrator authorized of it (if anything) and the portion that remains IMR-eligible, and the basis of the
 * claims administrator's decision. The treatment category is null for an item of an imported letter, which does not
 * state it.
 */
public record DisputedItem(long id, int lineNo, String description, BigDecimal quantity,
                           TreatmentCategory treatmentCategory, String authorized, String remainingPortion,
                           GuidelineBasis claimsAdministratorBasis) {

    /** The original request as the letter names it: the description, with the quantity as the letters show it. */
    public String title() {
        return quantity == null ? description : description + " QTY: " + quantity.setScale(2);
    }

    /** What the reviewer decides: the remaining portion of a partly authorized request, else the request. */
    public String eligiblePortion() {
        return remainingPortion != null ? remainingPortion : title();
    }

    /** The claims administrator's partial authorization, as the letter states it; null if it authorized nothing. */
    public PartialApproval partialApproval() {
        return authorized == null ? null
                : new PartialApproval(authorized, eligiblePortion(), remainingPortion == null);
    }

    /** The claims administrator's basis in short, for the pages (the letter words it from the basis). */
    public String claimsAdministratorGuideline() {
        GuidelineBasis basis = claimsAdministratorBasis;
        return switch (basis.kind()) {
            case NO_EVIDENCE -> "No medical evidence cited";
            case MTUS -> "MTUS: " + basis.mtusCitation();
            case NON_MTUS -> "Non-MTUS: " + basis.nonMtusCitation();
            case MTUS_AND_NON_MTUS -> "MTUS: " + basis.mtusCitation() + " Non-MTUS: " + basis.nonMtusCitation();
            case VERBATIM -> basis.verbatim();
        };
    }
}
