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
                .isEqualTo("A detailer at ; auto parts;  denied it.");
    }

    @Test
    void leavesTheWordsOfANameAloneWhereTheyAreNotWrittenAsAName() {
        assertThat(redaction.apply("The treating physician saw a detailer; Treating said so."))
                .isEqualTo("The treating physician saw a detailer;  said so.");
    }

    @Test
    void removesProvidersNobodyNamedByTheirTitleOrDegree() {
        Redaction none = Redaction.of(List.of(), List.of());
        assertThat(none.apply("Seen by Dr. Stone on 5/1/16 and by Ana B. Ruiz, M.D. on 5/2/16; DR. GRAY's note."))
                .isEqualTo("Seen by  on 5/1/16 and by  on 5/2/16;  note.");
        assertThat(none.apply("An MRI of the Lumbar Spine, Dr. visit on 5/1/16, Physical Therapy notes."))
                .isEqualTo("An MRI of the Lumbar Spine, Dr. visit on 5/1/16, Physical Therapy notes.");
    }

    @Test
    void leavesWordsThatOnlyContainANameAlone() {
        assertThat(redaction.apply("Treatingly, Daleside and Patterson remain.")).isEqualTo("Treatingly, Daleside and Patterson remain.");
        assertThat(redaction.apply((String) null)).isNull();
    }
}
