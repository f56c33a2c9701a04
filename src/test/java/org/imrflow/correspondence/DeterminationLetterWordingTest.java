package org.imrflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fixed wording of each template version, each guideline-line variant and both partial-approval wordings,
 * as the real letters print them (whitespace normalized): the 2016 letters in shared/letters-2016, the 2013-15
 * seeds in shared/seeds.
 */
class DeterminationLetterWordingTest {

    static final String EXPERT_PARAGRAPH = "MAXIMUS Federal Services sent the complete case file to an expert reviewer. "
            + "He/she has no affiliation with the employer, employee, providers or the claims administrator. He/she has "
            + "been in active clinical practice for more than five years and is currently working at least 24 hours a "
            + "week in active practice. The expert reviewer was selected based on his/her clinical experience, "
            + "education, background, and expertise in the same or similar specialties that evaluate and/or treat the "
            + "medical condition and disputed items/Service. He/she is familiar with governing laws and regulations, "
            + "including the strength of evidence hierarchy that applies to Independent Medical Review determinations.";

    /** Seed 001, with its typo; seed 004 spells "strength". */
    static final String PHYSICIAN_PARAGRAPH = "MAXIMUS Federal Services sent the complete case file to a physician "
            + "reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator. "
            + "The physician reviewer is Board Certified in Psychiatry and is licensed to practice in California. "
            + "He/she has been in active clinical practice for more than five years and is currently working at least "
            + "24 hours a week in active practice. The physician reviewer was selected based on his/her clinical "
            + "experience, education, background, and expertise in the same or similar specialties that evaluate "
            + "and/or treat the medical condition and disputed items/services. He/she is familiar with governing laws "
            + "and regulations, including the strenght of evidence hierarchy that applies to Independent Medical "
            + "Review determinations.";

    final LetterRenderer renderer = TestLetters.renderer();

    @Test
    void versionsAreListedOldestFirstAndNewLettersAreIssuedIn2016Text() {
        assertThat(LetterTemplateVersions.ids()).containsExactly("2013a", "2013b", "2015", "2016");
        assertThat(LetterTemplateVersions.current()).isEqualTo("2016");
    }

    @Test
    void the2016TextOpensWithTheHeaderBlockAndNamesAnExpertReviewerWithACredentialBlock() {
        String text = renderer.determinationText(DeterminationLetters.withBases("2016",
                GuidelineBasis.nonMtus("Official Disability Guidelines (ODG), Pain."),
                GuidelineBasis.mtus("Chronic Pain Medical Treatment 2016, Section(s): Office visits.")));
        assertThat(text).isEqualTo("""
                Case Number: CM13-0021037
                Date Assigned: 09/03/2013
                Date of Injury: 05/27/2011
                Decision Date: 10/01/2013
                UR Denial Date: 08/21/2013
                Priority: Standard
                Application Received: 08/28/2013

                HOW THE IMR FINAL DETERMINATION WAS MADE

                %s

                The Expert Reviewer has the following credentials:
                State(s) of Licensure: California
                Certification(s)/Specialty: Psychiatry

                CLINICAL CASE SUMMARY

                The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:

                %s

                IMR ISSUES, DECISIONS AND RATIONALES

                The Final Determination was based on decisions for the disputed items/services set forth below:

                MRI of the lumbar spine: Upheld

                Claims Administrator guideline: The Claims Administrator based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain.

                MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Office visits.

                Decision rationale: The request is not medically necessary.
                """.formatted(EXPERT_PARAGRAPH, DeterminationLetters.CLINICAL_SUMMARY));
    }

    @Test
    void the2015TextHasNoHeaderBlockAndTheOlderNonMtusSentence() {
        String text = renderer.determinationText(DeterminationLetters.withBases("2015", GuidelineBasis.noEvidence(),
                GuidelineBasis.nonMtus("Official Disability Guidelines (ODG) (1) Chronic pain, Physical medicine treatment.")));
        assertThat(text).startsWith("HOW THE IMR FINAL DETERMINATION WAS MADE\n\n" + EXPERT_PARAGRAPH + "\n\n"
                + "The Expert Reviewer has the following credentials:\nState(s) of Licensure: California\n"
                + "Certification(s)/Specialty: Psychiatry\n\nCLINICAL CASE SUMMARY\n\n");
        assertThat(text).doesNotContain("Case Number", "Priority").contains("\nMAXIMUS guideline: The Expert Reviewer "
                + "did not base their decision on the MTUS. Decision based on Non-MTUS Citation Official Disability "
                + "Guidelines (ODG) (1) Chronic pain, Physical medicine treatment.\n");
    }

    @Test
    void the2013TextsNameAPhysicianReviewerWithTheCredentialsInline() {
        String typo = renderer.determinationText(DeterminationLetters.withBases("2013a", GuidelineBasis.noEvidence(),
                GuidelineBasis.mtus("Chronic Pain Treatment Guidelines Page(s): 23.")));
        assertThat(typo).startsWith("HOW THE IMR FINAL DETERMINATION WAS MADE\n\n" + PHYSICIAN_PARAGRAPH
                + "\n\nCLINICAL CASE SUMMARY\n\nThe expert reviewer developed the following clinical case summary");
        assertThat(typo).doesNotContain("Case Number", "following credentials", "State(s) of Licensure");

        String corrected = renderer.determinationText(DeterminationLetters.withBases("2013b", GuidelineBasis.noEvidence(),
                GuidelineBasis.mtus("Chronic Pain Treatment Guidelines Page(s): 23.")));
        assertThat(corrected).isEqualTo(typo.replace("the strenght of evidence", "the strength of evidence"));
    }

    @Test
    void inlineCredentialsListEveryStateAndSpecialty() {
        DeterminationLetterContent seed = DeterminationLetters.withBases("2013b", GuidelineBasis.noEvidence(),
                GuidelineBasis.noEvidence());
        var content = new DeterminationLetterContent("2013b", null, null, null, null, null, null, null,
                seed.organizationName(), seed.organizationShortName(),
                new ReviewerCredentials(List.of("Texas", "California"), List.of("Family Practice", "Pain Medicine")),
                seed.clinicalCaseSummary(), seed.items());
        assertThat(renderer.determinationText(content)).contains("The physician reviewer is Board Certified in Family "
                + "Practice, Pain Medicine and is licensed to practice in Texas, California. He/she has been");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2013a", "2013b", "2015", "2016"})
    void everyVersionKeepsTheSectionsLeadInsAndLabels(String version) {
        List<String> lines = LetterRendererTest.nonBlankLines(renderer.determinationText(
                DeterminationLetters.withBases(version, GuidelineBasis.noEvidence(), GuidelineBasis.noEvidence())));
        assertThat(lines).containsSubsequence("HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY",
                LetterRendererTest.SUMMARY_LEAD_IN, DeterminationLetters.CLINICAL_SUMMARY,
                "IMR ISSUES, DECISIONS AND RATIONALES", LetterRendererTest.ISSUES_LEAD_IN, "MRI of the lumbar spine: Upheld",
                "Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its decision.",
                "MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.",
                "Decision rationale: The request is not medically necessary.");
    }

    @Test
    void noEvidenceNamesTheParty() {
        assertThat(guidelineLines("2016", GuidelineBasis.noEvidence(), GuidelineBasis.noEvidence())).containsExactly(
                "Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its decision.",
                "MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.");
    }

    @Test
    void mtusPrintsTheCitationAsItIsWithOrWithoutItsPeriod() {
        assertThat(guidelineLines("2016", GuidelineBasis.mtus("Low Back Complaints 2004"),
                GuidelineBasis.mtus("Opioid Treatment 2016, Section(s): 1.3 Opioids for Acute Pain: Severe Acute Injuries.")))
                .containsExactly("Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004",
                        "MAXIMUS guideline: Decision based on MTUS Opioid Treatment 2016, Section(s): 1.3 Opioids for Acute "
                                + "Pain: Severe Acute Injuries.");
    }

    @Test
    void nonMtusIsWordedByTheVersion() {
        var odg = GuidelineBasis.nonMtus("Official Disability Guidelines (ODG).");
        assertThat(guidelineLines("2016", odg, odg)).containsExactly(
                "Claims Administrator guideline: The Claims Administrator based their decision on recommendation(s) "
                        + "outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG).",
                "MAXIMUS guideline: The Expert Reviewer based their decision on recommendation(s) outside of the MTUS "
                        + "Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG).");
        var pain = GuidelineBasis.nonMtus("Official Disability Guidelines/Pain (chronic)");
        for (String older : List.of("2013a", "2013b", "2015")) {
            assertThat(guidelineLines(older, pain, pain)).as(older).containsExactly(
                    "Claims Administrator guideline: The Claims Administrator did not base their decision on the MTUS. "
                            + "Decision based on Non-MTUS Citation Official Disability Guidelines/Pain (chronic)",
                    "MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS. Decision based on "
                            + "Non-MTUS Citation Official Disability Guidelines/Pain (chronic)");
        }
    }

    @Test
    void bothCitesTheMtusThenTheNonMtusGuideline() {
        assertThat(guidelineLines("2015", GuidelineBasis.both("Chronic Pain Treatment Guidelines Page(s): 49.",
                "Official Disability Guidelines."), GuidelineBasis.noEvidence()).getFirst())
                .isEqualTo("Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines "
                        + "Page(s): 49. Decision based on Non-MTUS Citation Official Disability Guidelines.");
    }

    @Test
    void verbatimPrintsTheHistoricalLineAsItWas() {
        String line = "The Claims Administrator based their decision on recommendation(s) outside of the MTUS "
                + "Guidelines. Decision based on Non -MTUS Official Disability Guidelines (ODG), Pain.";
        assertThat(guidelineLines("2016", GuidelineBasis.verbatim(line), GuidelineBasis.noEvidence()).getFirst())
                .isEqualTo("Claims Administrator guideline: " + line);
    }

    @Test
    void partlyAuthorizedRequestNamesTheRemainingPortion() {
        // CM16-0239569
        var item = new ItemDetermination("Chiropractic spinal manipulation times 12",
                new PartialApproval("Chiropractic spinal manipulation times 6", "Chiropractic spinal manipulation times 6", false),
                ItemDetermination.UPHELD, GuidelineBasis.noEvidence(), GuidelineBasis.noEvidence(), "Not necessary.");
        assertThat(itemLine(item)).isEqualTo("Chiropractic spinal manipulation times 12 was the original request. "
                + "Chiropractic spinal manipulation times 6 was authorized by the Claims Administrator. The remaining IMR "
                + "eligible portion of the original request, Chiropractic spinal manipulation times 6 is: Upheld");
    }

    @Test
    void authorizedAlternativeLeavesTheWholeRequestInDispute() {
        // CM17-0001749
        var item = new ItemDetermination("Partial Hospitalization day treatment",
                new PartialApproval("an Evaluation only for a Partial Hospitalization day treatment",
                        "Partial Hospitalization day treatment", true),
                ItemDetermination.OVERTURNED, GuidelineBasis.noEvidence(), GuidelineBasis.noEvidence(), "Necessary.");
        assertThat(itemLine(item)).isEqualTo("Partial Hospitalization day treatment was the original request. The Claims "
                + "Administrator authorized an Evaluation only for a Partial Hospitalization day treatment, leaving the "
                + "original request IMR eligible. The original request, Partial Hospitalization day treatment is: Overturned");
    }

    @Test
    void rationaleKeepsItsParagraphs() {
        var item = new ItemDetermination("MRI", null, ItemDetermination.UPHELD, GuidelineBasis.noEvidence(),
                GuidelineBasis.noEvidence(), "First paragraph.\n\n  Second   paragraph.\n");
        String text = renderer.determinationText(DeterminationLetters.withItems("2016", List.of(item)));
        assertThat(text).endsWith("\nDecision rationale: First paragraph.\n\nSecond paragraph.\n");
    }

    private List<String> guidelineLines(String version, GuidelineBasis claimsAdministrator, GuidelineBasis organization) {
        return renderer.determinationText(DeterminationLetters.withBases(version, claimsAdministrator, organization))
                .lines().filter(line -> line.contains(" guideline: ")).toList();
    }

    private String itemLine(ItemDetermination item) {
        return renderer.determinationText(DeterminationLetters.withItems("2016", List.of(item))).lines()
                .filter(line -> line.endsWith(": " + item.decision())).findFirst().orElseThrow();
    }
}
