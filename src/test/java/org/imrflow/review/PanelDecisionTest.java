package org.imrflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.imrflow.review.Decision.OVERTURNED;
import static org.imrflow.review.Decision.UPHELD;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelDecisionTest {

    @Test
    void theMajorityDecides() {
        assertThat(PanelDecision.of(List.of(UPHELD, UPHELD, OVERTURNED))).isEqualTo(UPHELD);
        assertThat(PanelDecision.of(List.of(OVERTURNED, UPHELD, OVERTURNED))).isEqualTo(OVERTURNED);
        assertThat(PanelDecision.of(List.of(UPHELD))).isEqualTo(UPHELD);
    }

    @Test
    void anEvenSplitGoesInFavourOfProvidingTheService() {
        assertThat(PanelDecision.of(List.of(UPHELD, OVERTURNED))).isEqualTo(OVERTURNED);
        assertThat(PanelDecision.of(List.of(UPHELD, UPHELD, OVERTURNED, OVERTURNED))).isEqualTo(OVERTURNED);
    }

    @Test
    void reviewersWhoDifferAreDivided() {
        assertThat(PanelDecision.divided(List.of(UPHELD, OVERTURNED, UPHELD))).isTrue();
        assertThat(PanelDecision.divided(List.of(UPHELD, UPHELD))).isFalse();
    }

    @Test
    void anItemSomeoneHasNotDecidedHasNoPanelDecision() {
        assertThatIllegalArgumentException().isThrownBy(() -> PanelDecision.of(Arrays.asList(UPHELD, null)));
        assertThatIllegalArgumentException().isThrownBy(() -> PanelDecision.of(List.of()));
    }
}
