package org.imrflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Final Determination Letter of a case decided by a panel of reviewers (Lab. Code §4610.6(e),(f)): every
 * reviewer's credentials, the majority's decision on each item, and each analysis where the reviewers differ.
 */
class PanelLetterTest {

    private static final ReviewerCredentials FIRST =
            new ReviewerCredentials(List.of("California"), List.of("Psychiatry", "Pain Management"));
    private static final ReviewerCredentials SECOND =
            new ReviewerCredentials(List.of("Texas", "California"), List.of("Family Practice", "Psychiatry"));

    private static DeterminationLetterContent panelLetter() {
        DeterminationLetterContent seed = DeterminationLetters.seed001();
        ItemDetermination divided = new ItemDetermination(DeterminationLetters.PSYCHOLOGY.request(), null,
                ItemDetermination.OVERTURNED, DeterminationLetters.PSYCHOLOGY.claimsAdministrator(),
                GuidelineBasis.mtus("Chronic Pain Treatment Guidelines Page(s): 23"), "Six visits are necessary.",
                List.of(new ItemDetermination.ReviewerAnalysis(1, ItemDetermination.UPHELD,
                                GuidelineBasis.mtus("Chronic Pain Treatment Guidelines Page(s): 23"),
                                "An initial trial of 3-4 visits comes first."),
                        new ItemDetermination.ReviewerAnalysis(2, ItemDetermination.OVERTURNED,
                                GuidelineBasis.mtus("Chronic Pain Treatment Guidelines Page(s): 23"),
                                "Six visits are necessary.")));
        return new DeterminationLetterContent(seed.templateVersion(), seed.caseNumber(), seed.dateAssigned(),
                seed.dateOfInjury(), seed.decisionDate(), seed.urDenialDate(), seed.priority(),
                seed.applicationReceived(), seed.organizationName(), seed.organizationShortName(), FIRST,
                seed.clinicalCaseSummary(), List.of(divided, DeterminationLetters.PHYSICAL_THERAPY),
                List.of(FIRST, SECOND));
    }

    @Test
    void everyReviewersCredentialsAndEachAnalysisOfADividedItemArePrinted() {
        String text = TestLetters.renderer().determinationText(panelLetter());
        assertThat(text).contains("sent to 2 expert reviewers", "The Expert Reviewers have the following credentials:",
                "Expert Reviewer 1:\nState(s) of Licensure: California\nCertification(s)/Specialty: Psychiatry, Pain Management",
                "Expert Reviewer 2:\nState(s) of Licensure: Texas, California\nCertification(s)/Specialty: Family Practice, Psychiatry",
                "The expert reviewers differed on this item. Each analysis follows.",
                "Expert Reviewer 1: Upheld", "Analysis: An initial trial of 3-4 visits comes first.",
                "Expert Reviewer 2: Overturned")
                .doesNotContain("The Expert Reviewer has the following credentials:");
        assertThat(text.split("differed on this item", -1)).as("only the divided item").hasSize(2);
    }

    @Test
    void aSingleReviewersLetterIsUnchanged() {
        assertThat(TestLetters.renderer().determinationText(DeterminationLetters.seed001()))
                .contains("The Expert Reviewer has the following credentials:").doesNotContain("Expert Reviewer 1");
    }

    @Test
    void aPanelIsTwoReviewersOrMore() {
        DeterminationLetterContent seed = DeterminationLetters.seed001();
        assertThatIllegalArgumentException().isThrownBy(() -> new DeterminationLetterContent(seed.templateVersion(),
                seed.caseNumber(), seed.dateAssigned(), seed.dateOfInjury(), seed.decisionDate(), seed.urDenialDate(),
                seed.priority(), seed.applicationReceived(), seed.organizationName(), seed.organizationShortName(),
                FIRST, seed.clinicalCaseSummary(), seed.items(), List.of(FIRST)));
    }
}
