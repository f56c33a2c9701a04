package org.imrflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.imrflow.correspondence.GuidelineBasis;
import org.imrflow.correspondence.GuidelineBasis.Kind;
import org.junit.jupiter.api.Test;

class GuidelineCheckTest {

    private static final String RATIONALE = "Six sessions exceed the initial trial of 3-4 visits; not medically necessary.";

    @Test
    void aCompleteReviewPassesWhateverItsBasis() {
        assertThat(GuidelineCheck.findings("Summary.", List.of(
                item(Decision.UPHELD, Kind.MTUS, "Chronic Pain Treatment Guidelines Page(s): 23", null, RATIONALE),
                item(Decision.OVERTURNED, Kind.NON_MTUS, null, "Official Disability Guidelines", RATIONALE),
                item(Decision.UPHELD, Kind.MTUS_AND_NON_MTUS, "Low Back Complaints 2004", "ODG Low Back", RATIONALE),
                item(Decision.UPHELD, Kind.NO_EVIDENCE, null, null, RATIONALE)))).isEmpty();
    }

    @Test
    void missingBasisCitationRationaleAndSummaryAreEachFound() {
        assertThat(GuidelineCheck.findings(" ", List.of(
                item(Decision.UPHELD, null, null, null, null),
                item(Decision.OVERTURNED, Kind.MTUS_AND_NON_MTUS, "Knee Complaints 2004", null, RATIONALE))))
                .containsExactly(
                        "The clinical case summary is missing.",
                        "Item 1 (Twelve physical therapy sessions): say what the decision is based on: the MTUS, another guideline, both, or no evidence.",
                        "Item 1 (Twelve physical therapy sessions): there is no decision rationale.",
                        "Item 2 (Twelve physical therapy sessions): Cite the non-MTUS guideline.");
    }

    @Test
    void theLetterGetsTheBasisWithItsCitationsAsSentences() {
        assertThat(item(Decision.UPHELD, Kind.MTUS, "Chronic Pain Treatment Guidelines Page(s): 23", null, RATIONALE)
                .organizationBasis()).isEqualTo(GuidelineBasis.mtus("Chronic Pain Treatment Guidelines Page(s): 23."));
        assertThat(item(Decision.UPHELD, Kind.NO_EVIDENCE, null, null, RATIONALE).organizationBasis())
                .isEqualTo(GuidelineBasis.noEvidence());
        assertThat(item(Decision.UPHELD, Kind.MTUS_AND_NON_MTUS, "Low Back Complaints 2004.", "ODG", RATIONALE)
                .organizationBasis()).isEqualTo(GuidelineBasis.both("Low Back Complaints 2004.", "ODG."));
    }

    private static ItemReview item(Decision decision, Kind basis, String mtus, String nonMtus, String rationale) {
        return new ItemReview(1, "Twelve physical therapy sessions", decision, basis, mtus, nonMtus,
                basis == Kind.NON_MTUS ? "CONDITION_NOT_ADDRESSED" : null, rationale);
    }
}
