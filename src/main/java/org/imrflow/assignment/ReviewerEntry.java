package org.imrflow.assignment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * A reviewer as an administrator enters them, through the API or the panel page, before any check: every field may
 * be missing or wrong, and {@link ReviewerEntryRules} says which. Enumerations come as text so that an unknown value
 * is reported against its field like any other mistake. The read-only {@code id} and {@code openCases} of a reviewer
 * as read are accepted and ignored, so a client may send back what it read.
 */
@JsonIgnoreProperties({"id", "openCases"})
public record ReviewerEntry(String username, String displayName, Boolean active, List<LicenseEntry> licenses,
                            List<String> specialties, Integer yearsInPractice, Integer hoursPerWeek, Integer capacity,
                            List<AffiliationEntry> affiliations, List<SanctionEntry> sanctions,
                            List<LeaveEntry> leaves) {

    /** A license: the state by name or postal code, the number, the status (ACTIVE, INACTIVE, ...) and expiry. */
    public record LicenseEntry(String state, String number, String status, LocalDate expires) {}

    /**
     * An affiliation: an organization's or person's name, the kind (EMPLOYER, FACILITY, ...) and, where known, its
     * National Provider Identifier.
     */
    public record AffiliationEntry(String name, String kind, String npi) {

        public AffiliationEntry(String name, String kind) {
            this(name, kind, null);
        }
    }

    /** A disciplinary action or sanction, in force from the day imposed until it ends (open if no end). */
    public record SanctionEntry(String description, LocalDate imposedOn, LocalDate endsOn) {}

    /** An absence, both days included. */
    public record LeaveEntry(LocalDate startsOn, LocalDate endsOn, String note) {}
}
