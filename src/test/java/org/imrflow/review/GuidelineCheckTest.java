package org.imrflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuidelineCheckTest {

    private static final String RATIONALE = "Six sessions exceed the initial trial of 3-4 visits; not medically necessary.";

    @Test
    void aCompleteMtusReviewPasses() {
        assertThat(GuidelineCheck.findings("Summary.", List.of(
                item(Decision.UPHELD, "MTUS", "Chronic Pain Treatment Guidelines Page(s): 23", null, RATIONALE)))).isEmpty();
    }

    @Test
    void aNonMtusCitationWithAReasonPasses() {
        assertThat(GuidelineCheck.findings("Summary.", List.of(item(Decision.OVERTURNED, "NON_MTUS",
                "Official Disability Guidelines", "CONDITION_NOT_ADDRESSED", RATIONALE)))).isEmpty();
    }

    @Test
    void seed002sUnexplainedOdgCitationIsFound() {
        assertThat(GuidelineCheck.findings("Summary.", List.of(item(Decision.UPHELD, "NON_MTUS",
                "Official Disability Guidelines (ODG) (1) Chronic pain, Physical medicine treatment.", null, RATIONALE))))
                .containsExactly("Item 1 (Twelve physical therapy sessions): cites a non-MTUS guideline without "
                        + "saying why the MTUS does not apply.");
    }

    @Test
    void missingCitationRationaleSourceAndSummaryAreEachFound() {
        assertThat(GuidelineCheck.findings(" ", List.of(
                item(Decision.UPHELD, null, null, null, null),
                item(Decision.OVERTURNED, null, "ODG", null, RATIONALE))))
                .containsExactly(
                        "The clinical case summary is missing.",
                        "Item 1 (Twelve physical therapy sessions): the decision cites no guideline.",
                        "Item 1 (Twelve physical therapy sessions): there is no decision rationale.",
                        "Item 2 (Twelve physical therapy sessions): say whether the guideline cited is the MTUS or another guideline.");
    }

    @Test
    void theLetterStatesTheCitationAsTheSeedsDo() {
        assertThat(item(Decision.UPHELD, "MTUS", "Chronic Pain Treatment Guidelines Page(s): 23", null, RATIONALE)
                .organizationGuideline()).isEqualTo("Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 23.");
        assertThat(item(Decision.UPHELD, "NON_MTUS", "Official Disability Guidelines.", "OTHER", RATIONALE)
                .organizationGuideline()).isEqualTo("The Expert Reviewer did not base their decision on the MTUS. "
                + "Decision based on Non-MTUS Citation Official Disability Guidelines.");
    }

    private static ItemReview item(Decision decision, String source, String citation, String reason, String rationale) {
        return new ItemReview(1, "Twelve physical therapy sessions", decision, source, citation, reason, rationale);
    }
}
