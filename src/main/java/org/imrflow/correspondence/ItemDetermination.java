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
        GuidelineBasis claimsAdministrator, GuidelineBasis organization, String decisionRationale) {

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
    }
}
