package org.imrflow.correspondence;

import java.util.List;
import java.util.Objects;

/**
 * The decision on one disputed item/service, printed as one block of the Final Determination Letter: the
 * item line ("<request>: Upheld", or the partial-approval wording when Utilization Review approved part of
 * the request), the two guideline lines and the decision rationale.
 *
 * @param partial null when Utilization Review approved nothing of the request
 */
public record ItemDetermination(String request, PartialApproval partial, String decision,
        GuidelineBasis claimsAdministrator, GuidelineBasis organization, String decisionRationale,
        List<ReviewerAnalysis> analyses) {

    /** An item decided by one reviewer, or by a panel whose reviewers agreed. */
    public ItemDetermination(String request, PartialApproval partial, String decision,
            GuidelineBasis claimsAdministrator, GuidelineBasis organization, String decisionRationale) {
        this(request, partial, decision, claimsAdministrator, organization, decisionRationale, List.of());
    }

    /**
     * One panel reviewer's analysis of the item, printed when the reviewers differ (Lab. Code §4610.6(f)):
     * "Expert Reviewer 2" and their decision, basis and rationale.
     */
    public record ReviewerAnalysis(int reviewer, String decision, GuidelineBasis organization,
                                   String decisionRationale) {

        public ReviewerAnalysis {
            Required.oneOf(decision, "decision", List.of(UPHELD, OVERTURNED));
            Objects.requireNonNull(organization, "organization");
            Required.text(decisionRationale, "decisionRationale");
        }
    }

    /** The only outcomes an IMR can reach on an item; anything else would print a meaningless letter. */
    public static final String UPHELD = "Upheld";
    public static final String OVERTURNED = "Overturned";

    public ItemDetermination {
        Required.text(request, "request");
        Required.oneOf(decision, "decision", List.of(UPHELD, OVERTURNED));
        Objects.requireNonNull(claimsAdministrator, "claimsAdministrator");
        Objects.requireNonNull(organization, "organization");
        // the law requires the clinical reasons for each decision, so an empty rationale cannot be issued
        Required.text(decisionRationale, "decisionRationale");
        analyses = analyses == null ? List.of() : List.copyOf(analyses);
    }
}
