package org.imrflow.correspondence;

import java.util.List;

/**
 * What the letter may say about the expert reviewer: licensure and specialties, never the name
 * (reviewer identities are confidential, Zuniga v. WCAB).
 */
public record ReviewerCredentials(List<String> licenseStates, List<String> specialties) {

    public ReviewerCredentials {
        licenseStates = requireSome(licenseStates, "licenseStates");
        specialties = requireSome(specialties, "specialties");
    }

    private static List<String> requireSome(List<String> values, String field) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(field + " must list at least one entry: the letter's credential block"
                    + " is how the parties learn the reviewer is qualified");
        }
        return List.copyOf(values);
    }
}
