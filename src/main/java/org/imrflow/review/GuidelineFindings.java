package org.imrflow.review;

import java.util.List;

/**
 * What the guideline check finds in one reviewer's review as it stands: nothing when the review passes, else what
 * the check would return to the reviewer. {@code reviewer} counts the case's reviewers from 1, in the order they
 * were assigned, as the letter numbers a panel's reviewers.
 */
public record GuidelineFindings(int reviewer, List<String> findings) {

    public GuidelineFindings {
        findings = List.copyOf(findings);
    }

    public boolean passed() {
        return findings.isEmpty();
    }
}
