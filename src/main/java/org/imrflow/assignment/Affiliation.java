package org.imrflow.assignment;

/** An organization or person the reviewer is affiliated with, and how. */
public record Affiliation(String name, AffiliationKind kind) {}
