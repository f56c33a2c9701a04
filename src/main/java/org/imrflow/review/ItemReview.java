package org.imrflow.review;

import org.imrflow.correspondence.GuidelineBasis;

/**
 * The reviewer's decision on one disputed item: what it decides (the item's IMR-eligible portion), the decision,
 * what it is based on (the MTUS, a guideline outside it, both, or no evidence cited) with the citations, why the
 * MTUS does not apply when it was not used (the MTUS hierarchy), and the rationale. A decision imported with its
 * letter may have a basis {@code VERBATIM}: the letter's guideline line that fits no wording, as printed.
 */
public record ItemReview(long itemId, String description, Decision decision, GuidelineBasis.Kind guidelineBasis,
                         String mtusCitation, String nonMtusCitation, String mtusInapplicableReason,
                         String decisionRationale, String verbatimGuideline) {

    /** A decision of this system's review form, which words every basis it offers. */
    public ItemReview(long itemId, String description, Decision decision, GuidelineBasis.Kind guidelineBasis,
                      String mtusCitation, String nonMtusCitation, String mtusInapplicableReason,
                      String decisionRationale) {
        this(itemId, description, decision, guidelineBasis, mtusCitation, nonMtusCitation, mtusInapplicableReason,
                decisionRationale, null);
    }

    /** The basis as the letter states it; the guideline check lets only a complete basis through to the letter. */
    public GuidelineBasis organizationBasis() {
        if (guidelineBasis == GuidelineBasis.Kind.VERBATIM) {
            return GuidelineBasis.verbatim(verbatimGuideline);
        }
        return GuidelineBasis.chosen(guidelineBasis, mtusCitation, nonMtusCitation);
    }

    /** The basis in short, for the pages (the letter words it in its template version's wording). */
    public String guidelineText() {
        if (guidelineBasis == null) {
            return "";
        }
        return switch (guidelineBasis) {
            case MTUS -> "MTUS: " + mtusCitation;
            case NON_MTUS -> "Non-MTUS: " + nonMtusCitation;
            case MTUS_AND_NON_MTUS -> "MTUS: " + mtusCitation + " Non-MTUS: " + nonMtusCitation;
            case NO_EVIDENCE -> "No medical evidence cited";
            case VERBATIM -> verbatimGuideline == null ? "" : verbatimGuideline;
        };
    }
}
