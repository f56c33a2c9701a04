package org.imrflow.assignment;

/**
 * An organization or person the reviewer is affiliated with, and how; with its National Provider Identifier where
 * known (a physician, a medical group, a facility), which conflict screening compares with the parties' besides the
 * name.
 */
public record Affiliation(String name, AffiliationKind kind, String npi) {

    public Affiliation(String name, AffiliationKind kind) {
        this(name, kind, null);
    }
}
