package org.imrflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The letter's facts refuse what would print a wrong or empty letter, naming the field. */
class DeterminationLetterContentTest {

    static final List<String> HEADER = List.of("caseNumber", "dateAssigned", "dateOfInjury", "decisionDate",
            "urDenialDate", "priority", "applicationReceived");

    @Test
    void aLetterWithAHeaderBlockNeedsEveryFact() {
        ContentCopies.assertEveryFieldRequired(DeterminationLetters.seed001(), "panel");
    }

    @Test
    void aVersionWithoutAHeaderBlockNeedsNoHeaderFacts() {
        DeterminationLetterContent seed = DeterminationLetters.seed001("2015", "MAXIMUS Federal Services", "MAXIMUS");
        DeterminationLetterContent bodyOnly = seed;
        for (String field : HEADER) {
            bodyOnly = ContentCopies.with(bodyOnly, field, null);
        }
        assertThat(bodyOnly.caseNumber()).isNull();
        ContentCopies.assertEveryFieldRequired(bodyOnly, Stream.concat(HEADER.stream(), Stream.of("panel")).toArray(String[]::new));
        assertThat(TestLetters.renderer().determinationText(bodyOnly)).startsWith("HOW THE IMR FINAL DETERMINATION WAS MADE\n");
    }

    @Test
    void anUnknownTemplateVersionIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContentCopies.with(DeterminationLetters.seed001(), "templateVersion", "2014"))
                .withMessageContaining("templateVersion").withMessageContaining("2014").withMessageContaining("2016");
        assertThatIllegalArgumentException().isThrownBy(() -> LetterTemplateVersions.require("current"))
                .withMessageContaining("templateVersion");
        assertThatIllegalArgumentException().isThrownBy(() -> LetterTemplateVersions.require(null))
                .withMessageContaining("templateVersion");
        for (String id : LetterTemplateVersions.ids()) {
            LetterTemplateVersions.require(id);
        }
    }

    @Test
    void priorityIsStandardOrExpedited() {
        assertThat(ContentCopies.with(DeterminationLetters.seed001(), "priority", "Expedited").priority()).isEqualTo("Expedited");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContentCopies.with(DeterminationLetters.seed001(), "priority", "STANDARD"))
                .withMessageContaining("priority");
    }

    @Test
    void itemsAreCopiedSoTheLetterCannotChangeAfterItWasChecked() {
        var items = new java.util.ArrayList<>(List.of(DeterminationLetters.PSYCHOLOGY));
        var content = DeterminationLetters.withItems("2016", items);
        items.clear();
        assertThat(content.items()).hasSize(1);
    }

    @Test
    void anItemNeedsItsRequestDecisionBasesAndRationale() {
        ContentCopies.assertEveryFieldRequired(DeterminationLetters.PSYCHOLOGY, "partial", "analyses");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContentCopies.with(DeterminationLetters.PSYCHOLOGY, "decision", "Denied"))
                .withMessageContaining("decision").withMessageContaining("Upheld");
    }

    @Test
    void aPartialApprovalNamesWhatWasAuthorizedAndWhatRemains() {
        ContentCopies.assertEveryFieldRequired(new PartialApproval("Acupuncture 6 sessions", "Acupuncture 12 sessions", false),
                "wholeRequestRemains");
    }

    @Test
    void eachBasisHasExactlyTheFieldsItsKindPrints() {
        assertThat(GuidelineBasis.mtus("Low Back Complaints 2004")).isEqualTo(
                new GuidelineBasis(GuidelineBasis.Kind.MTUS, "Low Back Complaints 2004", null, null));
        assertThat(GuidelineBasis.nonMtus("ODG.").kind()).isEqualTo(GuidelineBasis.Kind.NON_MTUS);
        assertThat(GuidelineBasis.both("A.", "B.").kind()).isEqualTo(GuidelineBasis.Kind.MTUS_AND_NON_MTUS);
        assertThat(GuidelineBasis.noEvidence().kind()).isEqualTo(GuidelineBasis.Kind.NO_EVIDENCE);
        assertThat(GuidelineBasis.verbatim("Line.").verbatim()).isEqualTo("Line.");

        refused(GuidelineBasis.Kind.MTUS, null, null, null, "mtusCitation");
        refused(GuidelineBasis.Kind.MTUS, " ", null, null, "mtusCitation");
        refused(GuidelineBasis.Kind.MTUS, "A.", "B.", null, "nonMtusCitation");
        refused(GuidelineBasis.Kind.NON_MTUS, null, null, null, "nonMtusCitation");
        refused(GuidelineBasis.Kind.NON_MTUS, "A.", "B.", null, "mtusCitation");
        refused(GuidelineBasis.Kind.MTUS_AND_NON_MTUS, "A.", null, null, "nonMtusCitation");
        refused(GuidelineBasis.Kind.MTUS_AND_NON_MTUS, null, "B.", null, "mtusCitation");
        refused(GuidelineBasis.Kind.NO_EVIDENCE, "A.", null, null, "mtusCitation");
        refused(GuidelineBasis.Kind.NO_EVIDENCE, null, null, "Line.", "verbatim");
        refused(GuidelineBasis.Kind.VERBATIM, null, null, null, "verbatim");
        refused(GuidelineBasis.Kind.VERBATIM, null, "B.", "Line.", "nonMtusCitation");
        assertThatNullPointerException().isThrownBy(() -> new GuidelineBasis(null, null, null, null))
                .withMessage("kind");
    }

    private static void refused(GuidelineBasis.Kind kind, String mtus, String nonMtus, String verbatim, String field) {
        assertThatIllegalArgumentException().as(kind + " " + field)
                .isThrownBy(() -> new GuidelineBasis(kind, mtus, nonMtus, verbatim))
                .withMessageStartingWith(field + " ");
    }
}
