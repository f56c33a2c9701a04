package org.imrflow.review;

import java.util.List;
import org.imrflow.correspondence.GuidelineBasis;

/**
 * The reviewer's decision on one disputed item: what it decides (the item's IMR-eligible portion), the decision,
 * what it is based on (the MTUS, a guideline outside it, both, or no evidence cited) with the citations, why the
 * MTUS does not apply when it was not used (the MTUS hierarchy), and the rationale. A decision imported with its
 * letter may have a basis {@code VERBATIM}: the letter's guideline line that fits no wording, as printed.
 */
public record ItemReview(long itemId, String description, Decision decision, GuidelineBasis.Kind guidelineBasis,
                         String mtusCitation, String nonMtusCitation, String mtusInapplicableReason,
                         String decisionRationale, String verbatimGuideline, List<ItemReview> panel) {

    public ItemReview {
        panel = panel == null ? List.of() : List.copyOf(panel);
    }

    /** A decision of one reviewer, or imported with its letter. */
    public ItemReview(long itemId, String description, Decision decision, GuidelineBasis.Kind guidelineBasis,
                      String mtusCitation, String nonMtusCitation, String mtusInapplicableReason,
                      String decisionRationale, String verbatimGuideline) {
        this(itemId, description, decision, guidelineBasis, mtusCitation, nonMtusCitation, mtusInapplicableReason,
                decisionRationale, verbatimGuideline, List.of());
    }

    /**
     * A panel's decision on the item, from each reviewer's in the order they were assigned: the majority's (an even
     * split overturns, Lab. Code §4610.6(e)), its basis and rationale those of the first reviewer who decided so;
     * undecided until every reviewer has decided. Each opinion is kept, for the letter to give each analysis where
     * the reviewers differ (§4610.6(f)).
     */
    static ItemReview ofPanel(List<ItemReview> opinions) {
        ItemReview first = opinions.getFirst();
        if (opinions.stream().anyMatch(o -> o.decision() == null)) {
            return new ItemReview(first.itemId(), first.description(), null, null, null, null, null, null, null,
                    opinions);
        }
        Decision decision = PanelDecision.of(opinions.stream().map(ItemReview::decision).toList());
        ItemReview lead = opinions.stream().filter(o -> o.decision() == decision).findFirst().orElseThrow();
        return new ItemReview(lead.itemId(), lead.description(), decision, lead.guidelineBasis(), lead.mtusCitation(),
                lead.nonMtusCitation(), lead.mtusInapplicableReason(), lead.decisionRationale(),
                lead.verbatimGuideline(), opinions);
    }

    /** Whether the panel's reviewers differ on the item, so that the letter gives each analysis. */
    public boolean divided() {
        return PanelDecision.divided(panel.stream().map(ItemReview::decision).toList());
    }

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
