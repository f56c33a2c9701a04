package org.imrflow.assignment;

import java.util.List;

/** An expert reviewer of the registry. Their name never leaves the organization. */
public record Reviewer(long id, String username, String fullName, List<String> licenseStates,
                       List<String> specialties, boolean active, int yearsInPractice, int weeklyHours) {

    /** The standards every Final Determination Letter attests: over five years of practice, 24 hours a week. */
    public boolean meetsPracticeStandards() {
        return yearsInPractice > 5 && weeklyHours >= 24;
    }
}
