package org.imrflow.review;

/**
 * The reviewer's decision on one disputed item.
 *
 * @param guidelineSource        {@code MTUS} or {@code NON_MTUS}
 * @param mtusInapplicableReason why a non-MTUS guideline was used (required by the MTUS hierarchy)
 */
public record ItemReview(long itemId, String description, Decision decision, String guidelineSource,
                         String guidelineCitation, String mtusInapplicableReason, String decisionRationale) {

    public static final String MTUS = "MTUS";
    public static final String NON_MTUS = "NON_MTUS";

    /**
     * The reviewer's guideline in one sentence, as the case page shows it. The Final Determination Letter words
     * it itself, from the guideline source and citation, in its template version's wording.
     */
    public String organizationGuideline() {
        String citation = guidelineCitation == null ? "" : guidelineCitation.strip();
        String sentence = citation.endsWith(".") ? citation : citation + ".";
        return NON_MTUS.equals(guidelineSource)
                ? "The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation " + sentence
                : "Decision based on MTUS " + sentence;
    }
}
