package org.imrflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.imrflow.assignment.ReviewerEntry.AffiliationEntry;
import org.imrflow.assignment.ReviewerEntry.LeaveEntry;
import org.imrflow.assignment.ReviewerEntry.LicenseEntry;
import org.imrflow.assignment.ReviewerEntry.SanctionEntry;
import org.junit.jupiter.api.Test;

/** The rules of a reviewer's record, field by field, without a database. */
class ReviewerEntryRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    void aLettersCredentialsAreStoredAsTheLetterPrintsThem() {
        ReviewerEntryRules.Checked checked = ReviewerEntryRules.check(entry(
                List.of(license(" tx ", "M 6630"), license("Illinois", "036.118204")),
                List.of("physical medicine and rehabilitation", "Pediatric  Rehabilitation Medicine")), TODAY);

        assertThat(checked.errors()).isEmpty();
        Reviewer reviewer = checked.profile().reviewer();
        assertThat(reviewer.licenseStates()).containsExactly("Texas", "Illinois");
        assertThat(reviewer.specialties())
                .containsExactly("Physical Medicine & Rehabilitation", "Pediatric Rehabilitation Medicine");
        assertThat(reviewer.fullName()).isEqualTo("Dr. Gregory Fenwick");
        assertThat(reviewer.active()).as("active unless said otherwise").isTrue();
        assertThat(reviewer.licenses().getFirst().status()).isEqualTo(LicenseStatus.ACTIVE);
    }

    @Test
    void aBoardsOwnSpellingIsStoredUnderTheLettersSpelling() {
        ReviewerEntryRules.Checked checked = ReviewerEntryRules.check(entry(List.of(license("CA", "A 1")),
                List.of("Orthopaedic Surgery", "Pain Medicine")), TODAY);
        assertThat(checked.profile().reviewer().specialties()).containsExactly("Orthopedic Surgery", "Pain Management");
        assertThat(checked.profile().reviewer().licenseStates()).containsExactly("California");
    }

    @Test
    void eachMistakeIsNamedByItsField() {
        ReviewerEntry bad = new ReviewerEntry("u", "  ", true,
                List.of(license("Atlantis", "A 1"), new LicenseEntry("California", " ", "LAPSED", null),
                        new LicenseEntry("Texas", "K 1", "ACTIVE", TODAY.minusDays(1)),
                        license("TX", "K 2")),
                List.of("Pain Management", "Astrology", "pain management"), -1, -2, -3,
                List.of(new AffiliationEntry("Golden Claims", "LANDLORD"), new AffiliationEntry(" ", "EMPLOYER")),
                List.of(new SanctionEntry(" ", null, null), new SanctionEntry("Probation", TODAY, TODAY.minusDays(1))),
                List.of(new LeaveEntry(TODAY, TODAY.minusDays(1), null), new LeaveEntry(null, null, "x".repeat(201))));

        assertThat(ReviewerEntryRules.check(bad, TODAY).errors()).containsOnlyKeys("displayName",
                "licenses[0].state", "licenses[1].number", "licenses[1].status", "licenses[1].expires",
                "licenses[2].expires", "licenses[3].state", "specialties[1]", "specialties[2]", "yearsInPractice",
                "hoursPerWeek", "capacity", "affiliations[0].kind", "affiliations[1].name", "sanctions[0].description",
                "sanctions[0].imposedOn", "sanctions[1].endsOn", "leaves[0].endsOn", "leaves[1].startsOn",
                "leaves[1].endsOn", "leaves[1].note");
        var errors = ReviewerEntryRules.check(bad, TODAY).errors();
        assertThat(errors.get("licenses[0].state")).contains("Atlantis", "not a US state");
        assertThat(errors.get("licenses[2].expires")).contains("06/14/2026", "INACTIVE");
        assertThat(errors.get("licenses[3].state")).contains("Texas");
        assertThat(errors.get("specialties[1]")).contains("Astrology");
        assertThat(errors.get("specialties[2]")).contains("twice");
        assertThat(errors.get("capacity")).contains("below zero");
    }

    @Test
    void aReviewerNeedsALicenseAndASpecialty() {
        assertThat(ReviewerEntryRules.check(entry(List.of(), List.of()), TODAY).errors())
                .containsOnlyKeys("licenses", "specialties");
        assertThat(ReviewerEntryRules.check(entry(null, null), TODAY).errors())
                .containsOnlyKeys("licenses", "specialties");
        List<String> blankRow = new ArrayList<>();
        blankRow.add(null);
        assertThat(ReviewerEntryRules.check(entry(Arrays.asList((LicenseEntry) null), blankRow), TODAY).errors())
                .containsOnlyKeys("licenses[0]", "specialties[0]");
    }

    @Test
    void aLapsedLicenseMayBeRecordedWhenItIsNotActive() {
        assertThat(ReviewerEntryRules.check(entry(List.of(license("California", "A 1"),
                new LicenseEntry("Texas", "K 1", "inactive", TODAY.minusYears(3))), List.of("Surgery")), TODAY)
                .errors()).isEmpty();
        assertThat(ReviewerEntryRules.check(entry(List.of(new LicenseEntry("Texas", "K 1", "ACTIVE", TODAY)),
                List.of("Surgery")), TODAY).errors()).as("valid through today").isEmpty();
        assertThat(ReviewerEntryRules.check(entry(List.of(new LicenseEntry("Texas", "not recorded", "UNVERIFIED",
                null)), List.of("Surgery")), TODAY).errors()).as("recorded before licenses were verified").isEmpty();
    }

    @Test
    void kindsAndStatusesAreTakenByNameOrLabel() {
        ReviewerEntry entry = new ReviewerEntry("u", "Dr. A", false, List.of(new LicenseEntry("CA", "A 1", "Active",
                TODAY)), List.of("Surgery"), 10, 30, 0,
                List.of(new AffiliationEntry("Acme", "facility"), new AffiliationEntry("Golden Claims",
                        "Insurer or claims administrator"), new AffiliationEntry("UR Co", "utilization review organization")),
                List.of(), List.of());
        ReviewerEntryRules.Checked checked = ReviewerEntryRules.check(entry, TODAY);
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.profile().affiliations()).extracting(Affiliation::kind).containsExactly(
                AffiliationKind.FACILITY, AffiliationKind.CLAIMS_ADMINISTRATOR,
                AffiliationKind.UTILIZATION_REVIEW_ORGANIZATION);
        assertThat(checked.profile().reviewer().active()).isFalse();
        assertThat(checked.profile().reviewer().capacity()).as("zero takes no new cases, and is allowed").isZero();
    }

    @Test
    void theDemoPanelFollowsTheRulesSaveTheLicenseItMeansToBeLapsed() {
        for (ReviewerProfile demo : DemoReviewers.panel(TODAY)) {
            Reviewer r = demo.reviewer();
            ReviewerEntry entry = new ReviewerEntry(r.username(), r.fullName(), r.active(),
                    r.licenses().stream().map(l -> new LicenseEntry(l.state(), l.number(), l.status().name(),
                            l.expiresOn())).toList(), r.specialties(), r.yearsInPractice(), r.weeklyHours(),
                    r.capacity(), demo.affiliations().stream().map(a -> new AffiliationEntry(a.name(),
                            a.kind().name())).toList(),
                    demo.sanctions().stream().map(s -> new SanctionEntry(s.description(), s.imposedOn(), s.endsOn()))
                            .toList(),
                    demo.leaves().stream().map(l -> new LeaveEntry(l.startsOn(), l.endsOn(), l.note())).toList());
            ReviewerEntryRules.Checked checked = ReviewerEntryRules.check(entry, TODAY);
            if (r.username().equals("reviewer16")) {
                assertThat(checked.errors()).containsOnlyKeys("licenses[0].expires");
            } else {
                assertThat(checked.errors()).as(r.username()).isEmpty();
                assertThat(checked.profile()).as(r.username()).isEqualTo(demo);
            }
        }
        assertThat(DemoReviewers.panel(TODAY)).hasSize(25);
    }

    private static LicenseEntry license(String state, String number) {
        return new LicenseEntry(state, number, "ACTIVE", TODAY.plusYears(1));
    }

    private static ReviewerEntry entry(List<LicenseEntry> licenses, List<String> specialties) {
        return new ReviewerEntry("reviewer8", "  Dr.  Gregory Fenwick ", null, licenses, specialties, 16, 30, 9,
                List.of(), List.of(), List.of());
    }
}
