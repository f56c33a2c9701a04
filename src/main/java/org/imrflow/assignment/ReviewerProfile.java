package org.imrflow.assignment;

import java.util.List;

/** A reviewer with what matching screens besides the credentials: sanctions, leave and affiliations. */
public record ReviewerProfile(Reviewer reviewer, List<Sanction> sanctions, List<Leave> leaves,
                              List<Affiliation> affiliations) {

    public ReviewerProfile {
        sanctions = List.copyOf(sanctions);
        leaves = List.copyOf(leaves);
        affiliations = List.copyOf(affiliations);
    }
}
