package org.imrflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imrflow.assignment.ReviewerMatching.CaseToScreen;
import org.imrflow.assignment.ReviewerMatching.Screening;
import org.imrflow.intake.DisputedItem;
import org.imrflow.intake.Party;
import org.imrflow.intake.PartyRole;
import org.imrflow.intake.TreatmentCategory;
import org.junit.jupiter.api.Test;

/** Each screening rule on its own: one reviewer who passes every rule but the one under test. */
class ReviewerMatchingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static final DisputedItem MEDICATION = item(1, "Tramadol 50mg #60", TreatmentCategory.PHARMACEUTICALS);
    private static final DisputedItem SURGERY = item(2, "Right knee arthroscopy", TreatmentCategory.SURGERY);

    private static final Map<TreatmentCategory, Set<String>> FITTING = Map.of(
            TreatmentCategory.PHARMACEUTICALS, Set.of("Pain Management", "Physical Medicine & Rehabilitation"),
            TreatmentCategory.SURGERY, Set.of("Orthopedic Surgery"));

    private static final List<Party> PARTIES = List.of(
            new Party(PartyRole.EMPLOYEE, "Maria Lopez", null),
            new Party(PartyRole.CLAIMS_ADMINISTRATOR, "Pacific Coast Insurance Services, Inc.", null),
            new Party(PartyRole.EMPLOYER, "Shine Auto Detailing of Stockton", null));

    private static DisputedItem item(long id, String description, TreatmentCategory category) {
        return new DisputedItem(id, (int) id, description, null, category, null, null, null);
    }

    private static Reviewer reviewer(long id, List<License> licenses, List<String> specialties, int years, int hours,
                                     int capacity) {
        return new Reviewer(id, "r" + id, "Dr. Reviewer " + id, licenses, specialties, true, years, hours, capacity);
    }

    private static final License CALIFORNIA =
            new License("California", "A123456", LicenseStatus.ACTIVE, TODAY.plusYears(1));

    /** A reviewer who fits the medication item, with everything in order unless a test changes it. */
    private static ReviewerProfile qualified(long id) {
        return new ReviewerProfile(reviewer(id, List.of(CALIFORNIA), List.of("Pain Management"), 12, 30, 10),
                List.of(), List.of(), List.of());
    }

    private static Screening screen(List<DisputedItem> items, List<ReviewerProfile> panel, Map<Long, Long> workload) {
        return ReviewerMatching.screen(new CaseToScreen(items, FITTING, PARTIES, Set.of(), Set.of()), panel,
                workload, TODAY);
    }

    private static List<String> reasonsFor(ReviewerProfile profile) {
        Screening screening = screen(List.of(MEDICATION), List.of(profile), Map.of());
        assertThat(screening.candidates()).isEmpty();
        return screening.excluded().getFirst().reasons();
    }

    @Test
    void aReviewerWhoMeetsEveryRuleIsACandidate() {
        Screening screening = screen(List.of(MEDICATION), List.of(qualified(1)), Map.of());
        assertThat(screening.candidates()).extracting(c -> c.reviewer().id()).containsExactly(1L);
        assertThat(screening.excluded()).isEmpty();
    }

    @Test
    void anExpiredLicenseExcludes() {
        License expired = new License("California", "A1", LicenseStatus.ACTIVE, TODAY.minusDays(1));
        ReviewerProfile profile = new ReviewerProfile(
                reviewer(1, List.of(expired), List.of("Pain Management"), 12, 30, 10), List.of(), List.of(), List.of());
        assertThat(reasonsFor(profile)).containsExactly("no license active and unexpired on 2026-11-30");
    }

    @Test
    void aLicenseExpiringTodayStillCounts() {
        License lastDay = new License("California", "A1", LicenseStatus.ACTIVE, TODAY);
        ReviewerProfile profile = new ReviewerProfile(
                reviewer(1, List.of(lastDay), List.of("Pain Management"), 12, 30, 10), List.of(), List.of(), List.of());
        assertThat(screen(List.of(MEDICATION), List.of(profile), Map.of()).candidates()).hasSize(1);
    }

    @Test
    void aSuspendedLicenseExcludesEvenBeforeItsExpiry() {
        License suspended = new License("California", "A1", LicenseStatus.SUSPENDED, TODAY.plusYears(1));
        ReviewerProfile profile = new ReviewerProfile(
                reviewer(1, List.of(suspended), List.of("Pain Management"), 12, 30, 10), List.of(), List.of(), List.of());
        assertThat(reasonsFor(profile)).containsExactly("no license active and unexpired on 2026-11-30");
    }

    @Test
    void aSanctionInForceExcludesAndAnEndedOneDoesNot() {
        Sanction inForce = new Sanction("Probation, Medical Board of California", TODAY.minusMonths(2), null);
        Sanction ended = new Sanction("Public reprimand", TODAY.minusYears(3), TODAY.minusYears(2));
        ReviewerProfile sanctioned = new ReviewerProfile(qualified(1).reviewer(), List.of(inForce), List.of(), List.of());
        ReviewerProfile cleared = new ReviewerProfile(qualified(2).reviewer(), List.of(ended), List.of(), List.of());
        assertThat(reasonsFor(sanctioned)).containsExactly("a sanction in force since 2026-09-30");
        assertThat(screen(List.of(MEDICATION), List.of(cleared), Map.of()).candidates()).hasSize(1);
    }

    @Test
    void practiceStandardsExcludeFiveYearsOrFewerAndUnderTwentyFourHours() {
        ReviewerProfile junior = new ReviewerProfile(
                reviewer(1, List.of(CALIFORNIA), List.of("Pain Management"), 5, 30, 10), List.of(), List.of(), List.of());
        ReviewerProfile partTime = new ReviewerProfile(
                reviewer(2, List.of(CALIFORNIA), List.of("Pain Management"), 20, 23, 10), List.of(), List.of(), List.of());
        String reason = "does not meet the practice standards (more than 5 years in practice, 24 hours a week)";
        assertThat(reasonsFor(junior)).containsExactly(reason);
        assertThat(reasonsFor(partTime)).containsExactly(reason);
    }

    @Test
    void leaveCoveringTheDayExcludesAndLeaveLaterDoesNot() {
        Leave now = new Leave(TODAY.minusDays(2), TODAY.plusDays(4), "Vacation");
        Leave later = new Leave(TODAY.plusDays(1), TODAY.plusDays(9), "Conference");
        ReviewerProfile away = new ReviewerProfile(qualified(1).reviewer(), List.of(), List.of(now), List.of());
        ReviewerProfile leavingTomorrow = new ReviewerProfile(qualified(2).reviewer(), List.of(), List.of(later), List.of());
        assertThat(reasonsFor(away)).containsExactly("on leave until 2026-12-04");
        assertThat(screen(List.of(MEDICATION), List.of(leavingTomorrow), Map.of()).candidates()).hasSize(1);
    }

    @Test
    void capacityCountsOpenAssignments() {
        Screening screening = screen(List.of(MEDICATION), List.of(qualified(1)), Map.of(1L, 10L));
        assertThat(screening.candidates()).isEmpty();
        assertThat(screening.excluded().getFirst().reasons()).containsExactly("at capacity: 10 open case(s) of 10");
        assertThat(screen(List.of(MEDICATION), List.of(qualified(1)), Map.of(1L, 9L)).candidates()).hasSize(1);
    }

    @Test
    void aReviewerMustFitEveryDisputedItem() {
        ReviewerProfile painOnly = qualified(1);
        ReviewerProfile both = new ReviewerProfile(
                reviewer(2, List.of(CALIFORNIA), List.of("Orthopedic Surgery", "Pain Management"), 12, 30, 10),
                List.of(), List.of(), List.of());
        Screening screening = screen(List.of(MEDICATION, SURGERY), List.of(painOnly, both), Map.of());
        assertThat(screening.candidates()).extracting(c -> c.reviewer().id()).containsExactly(2L);
        assertThat(screening.excluded().getFirst().reasons()).containsExactly("no specialty fits Right knee arthroscopy");
    }

    @Test
    void anAffiliationWithAPartyExcludesThroughANormalizedName() {
        ReviewerProfile insurer = new ReviewerProfile(qualified(1).reviewer(), List.of(), List.of(),
                List.of(new Affiliation("PACIFIC COAST INSURANCE SERVICES", AffiliationKind.CLAIMS_ADMINISTRATOR)));
        ReviewerProfile employer = new ReviewerProfile(qualified(2).reviewer(), List.of(), List.of(),
                List.of(new Affiliation("The Shine Auto Detailing, LLC", AffiliationKind.EMPLOYER)));
        ReviewerProfile unrelated = new ReviewerProfile(qualified(3).reviewer(), List.of(), List.of(),
                List.of(new Affiliation("Pacific Medical Group", AffiliationKind.MEDICAL_GROUP)));
        Screening screening = screen(List.of(MEDICATION), List.of(insurer, employer, unrelated), Map.of());
        assertThat(screening.candidates()).extracting(c -> c.reviewer().id()).containsExactly(3L);
        assertThat(screening.excluded().get(0).reasons()).containsExactly("conflict of interest: insurer or claims "
                + "administrator \"PACIFIC COAST INSURANCE SERVICES\" is the claims administrator "
                + "\"Pacific Coast Insurance Services, Inc.\"");
        assertThat(screening.excluded().get(1).reasons()).singleElement().asString()
                .startsWith("conflict of interest: employer \"The Shine Auto Detailing, LLC\"");
    }

    @Test
    void anAffiliationWithTheRequestingPhysiciansNpiExcludesWhateverItsName() {
        List<Party> parties = List.of(new Party(PartyRole.REQUESTING_PHYSICIAN, "Pat Treating, M.D.", null, "1234567893"));
        ReviewerProfile group = new ReviewerProfile(qualified(1).reviewer(), List.of(), List.of(),
                List.of(new Affiliation("Valley Orthopedic Medical Group", AffiliationKind.MEDICAL_GROUP, "1234567893")));
        ReviewerProfile other = new ReviewerProfile(qualified(2).reviewer(), List.of(), List.of(),
                List.of(new Affiliation("Valley Spine Group", AffiliationKind.MEDICAL_GROUP, "1245319599")));
        Screening screening = ReviewerMatching.screen(new CaseToScreen(List.of(MEDICATION), FITTING, parties, Set.of(),
                Set.of()), List.of(group, other), Map.of(), TODAY);
        assertThat(screening.candidates()).extracting(c -> c.reviewer().id()).containsExactly(2L);
        assertThat(screening.excluded().getFirst().reasons()).containsExactly("conflict of interest: medical group "
                + "\"Valley Orthopedic Medical Group\" (NPI 1234567893) is the requesting physician \"Pat Treating, M.D.\"");
    }

    @Test
    void aReviewerWhoDeclinedOrWasWithdrawnIsNotOfferedTheCaseAgain() {
        CaseToScreen toScreen = new CaseToScreen(List.of(MEDICATION), FITTING, PARTIES, Set.of(1L), Set.of(2L));
        Screening screening = ReviewerMatching.screen(toScreen, List.of(qualified(1), qualified(2), qualified(3)),
                Map.of(), TODAY);
        assertThat(screening.candidates()).extracting(c -> c.reviewer().id()).containsExactly(3L);
        assertThat(screening.excluded()).extracting(e -> e.reasons().getFirst())
                .containsExactly("declined the case", "was withdrawn from the case");
    }

    @Test
    void everyReasonIsListedNotOnlyTheFirst() {
        License expired = new License("California", "A1", LicenseStatus.ACTIVE, TODAY.minusDays(1));
        ReviewerProfile profile = new ReviewerProfile(reviewer(1, List.of(expired), List.of("Psychiatry"), 3, 10, 0),
                List.of(), List.of(new Leave(TODAY, TODAY, null)), List.of());
        assertThat(reasonsFor(profile)).hasSize(5);
    }

    @Test
    void theLightestShareOfCapacityComesFirst() {
        ReviewerProfile small = new ReviewerProfile(
                reviewer(1, List.of(CALIFORNIA), List.of("Pain Management"), 12, 30, 4), List.of(), List.of(), List.of());
        ReviewerProfile large = new ReviewerProfile(
                reviewer(2, List.of(CALIFORNIA), List.of("Pain Management"), 12, 30, 20), List.of(), List.of(), List.of());
        Screening screening = screen(List.of(MEDICATION), List.of(small, large), Map.of(1L, 2L, 2L, 5L));
        assertThat(screening.candidates()).extracting(c -> c.reviewer().id()).containsExactly(2L, 1L);
    }
}
