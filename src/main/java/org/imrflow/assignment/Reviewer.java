package org.imrflow.assignment;

import java.util.List;

/**
 * An expert reviewer of the panel: licenses and specialties in the order letters print them, practice, and how many
 * open cases they may hold. Their name never leaves the organization.
 */
public record Reviewer(long id, String username, String fullName, List<License> licenses, List<String> specialties,
                       boolean active, int yearsInPractice, int weeklyHours, int capacity) {

    public Reviewer {
        licenses = List.copyOf(licenses);
        specialties = List.copyOf(specialties);
    }

    /** The states of licensure, as the letter's credential block prints them. */
    public List<String> licenseStates() {
        return licenses.stream().map(License::state).toList();
    }

    /** The standards every Final Determination Letter attests: over five years of practice, 24 hours a week. */
    public boolean meetsPracticeStandards() {
        return yearsInPractice > 5 && weeklyHours >= 24;
    }
}
