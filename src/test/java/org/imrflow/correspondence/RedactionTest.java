package org.imrflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The public copy's redaction of names from the narrative (domain.md §6.5). */
class RedactionTest {

    private final Redaction redaction = Redaction.of(List.of("Dale Detailer", "Dr. Pat Treating", "Lee Advocate, Esq."),
            List.of("Shine Auto Detailing", "Golden Claims Administrators"));

    @Test
    void removesANameWithoutAPlaceholderAsThePublishedLettersDo() {
        assertThat(redaction.apply("The patient was seen by Dr. Pat Treating on 11/12/2013."))
                .isEqualTo("The patient was seen by  on 11/12/2013.");
    }

    @Test
    void removesThePartsOfAPersonsNameTheirTitlesAndPossessives() {
        assertThat(redaction.apply("Mr. Detailer reported pain; Dr. Treating's note of 9/12/13 agrees; DETAILER again."))
                .isEqualTo(" reported pain;  note of 9/12/13 agrees;  again.")
                .doesNotContainIgnoringCase("detailer").doesNotContainIgnoringCase("treating");
        assertThat(redaction.apply("Counsel Lee Advocate wrote.")).isEqualTo("Counsel  wrote.");
    }

    @Test
    void removesAnOrganizationOnlyAsAWhole() {
        assertThat(redaction.apply("A detailer at Shine Auto Detailing; auto parts; golden claims administrators denied it."))
                .isEqualTo("A  at ; auto parts;  denied it.");
    }

    @Test
    void leavesWordsThatOnlyContainANameAlone() {
        assertThat(redaction.apply("Treatingly, Daleside and Patterson remain.")).isEqualTo("Treatingly, Daleside and Patterson remain.");
        assertThat(redaction.apply(null)).isNull();
    }
}
