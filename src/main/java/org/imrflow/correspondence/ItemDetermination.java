package org.imrflow.correspondence;

import java.util.Objects;
import java.util.Set;

/** The decision on one disputed item/service, printed as one block of the Final Determination Letter. */
public record ItemDetermination(String description, String decision, String claimsAdministratorGuideline,
        String organizationGuideline, String decisionRationale) {

    /** The only outcomes an IMR can reach on an item; anything else would print a meaningless letter. */
    public static final String UPHELD = "Upheld";
    public static final String OVERTURNED = "Overturned";

    public ItemDetermination {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(claimsAdministratorGuideline, "claimsAdministratorGuideline");
        Objects.requireNonNull(organizationGuideline, "organizationGuideline");
        Objects.requireNonNull(decisionRationale, "decisionRationale");
        // the law requires the clinical reasons for each decision, so an empty rationale cannot be issued
        if (description.isBlank() || decisionRationale.isBlank()) {
            throw new IllegalArgumentException("description and decisionRationale must not be blank");
        }
        if (!Set.of(UPHELD, OVERTURNED).contains(decision)) {
            throw new IllegalArgumentException("decision must be \"" + UPHELD + "\" or \"" + OVERTURNED
                    + "\" but was \"" + decision + "\"");
        }
    }
}
