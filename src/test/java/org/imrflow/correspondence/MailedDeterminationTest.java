package org.imrflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import org.imrflow.support.PdfText;
import org.junit.jupiter.api.Test;

class MailedDeterminationTest {

    static final ItemDetermination PARTIAL = new ItemDetermination("Physical therapy, 12 visits",
            new PartialApproval("Physical therapy, 6 visits", "Physical therapy, 6 visits", false),
            ItemDetermination.UPHELD, GuidelineBasis.nonMtus("ODG Low Back, Physical therapy."),
            GuidelineBasis.both("Low Back Complaints, page 299.", "ODG Low Back, Physical therapy."),
            "Six visits were authorized; the guidelines support no more without documented functional improvement.");

    static final MailedDetermination MAILED = new MailedDetermination(
            DeterminationLetters.withItems(LetterTemplateVersions.current(),
                    List.of(DeterminationLetters.PSYCHOLOGY, DeterminationLetters.PHYSICAL_THERAPY, PARTIAL)),
            LocalDate.of(2013, 10, 1), "Dale Detailer", "SC-2011-0527", "Shine Auto Detailing",
            "Golden Claims Administrators", "Dr. Pat Treating",
            List.of("ur-decision.pdf, from claims administrator, received 08/28/2013",
                    "progress-notes.pdf, from requesting physician, received 09/12/2013"));

    final RenderedLetter letter = TestLetters.renderer().renderMailedDetermination(MAILED, TestLetters.RECIPIENTS);
    final List<String> lines = LetterRendererTest.nonBlankLines(letter.text());

    @Test
    void coverHasTheLetterheadTheDateTheAddresseesAndTheCaseFacts() {
        assertThat(letter.title()).isEqualTo("Final Determination Letter");
        assertThat(lines.subList(0, 22)).containsExactly("Golden State Medical Review", "P.O. Box 138009",
                "Sacramento, CA 95813-8009", "NOTICE OF INDEPENDENT MEDICAL REVIEW FINAL DETERMINATION",
                "Dated: 10/01/2013", "Maria Lopez", "12 Orchard Lane", "Fresno, CA 93701", "Ana Ruiz, M.D.",
                "400 Clinic Way", "Fresno, CA 93702", "Sierra Claims Services", "Central Valley Packing Co.",
                "Case Number: CM13-0021037", "Employee: Dale Detailer", "Claim Number: SC-2011-0527",
                "Date of Injury: 05/27/2011", "Employer: Shine Auto Detailing",
                "Claims Administrator: Golden Claims Administrators", "Requesting Physician: Dr. Pat Treating",
                "Application Received: 08/28/2013", "UR Denial Date: 08/21/2013");
    }

    @Test
    void summarizesTheFindingsItemByItemAndTheImplementationDuty() {
        assertThat(lines).containsSubsequence("SUMMARY OF FINDINGS",
                "1) MAXIMUS Federal Services has determined the request for Chronic pain psychology evaluation and six "
                        + "sessions of treatment is not medically necessary and appropriate. The Utilization Review "
                        + "decision is upheld.",
                "2) MAXIMUS Federal Services has determined the request for Chronic pain physical therapy evaluation "
                        + "and six visits of treatment is medically necessary and appropriate. The Utilization Review "
                        + "decision is overturned.",
                "3) MAXIMUS Federal Services has determined the remaining IMR eligible portion of the request for "
                        + "Physical therapy, 12 visits, Physical therapy, 6 visits, is not medically necessary and "
                        + "appropriate. The Utilization Review decision is upheld.");
        assertThat(letter.text()).contains("must authorize a treatment found medically necessary within 5 working days");
    }

    @Test
    void statesTheAppealRightsWithTheFiveGroundsOfLaborCode4610_6h() {
        int appeal = lines.indexOf("APPEAL RIGHTS");
        assertThat(lines.get(appeal + 1)).contains("Workers' Compensation Appeals Board within 30 days of the date of "
                + "mailing", "Labor Code section 4610.6(h)");
        assertThat(lines.subList(appeal + 2, appeal + 7)).allSatisfy(line -> assertThat(line).matches("[1-5]\\) .+"));
        assertThat(lines.get(appeal + 4)).contains("material conflict of interest", "139.5");
    }

    @Test
    void containsThePublicLetterWordForWordWithTheDocumentsReviewedAfterHowItWasMade() {
        List<String> publicLines = LetterRendererTest.nonBlankLines(
                TestLetters.renderer().determinationText(MAILED.letter()));
        int how = publicLines.indexOf("HOW THE IMR FINAL DETERMINATION WAS MADE");
        int summary = publicLines.indexOf("CLINICAL CASE SUMMARY");
        assertThat(lines).containsSubsequence(publicLines.subList(0, summary));
        assertThat(String.join("\n", lines)).contains(String.join("\n", publicLines.subList(summary, publicLines.size())));
        assertThat(lines).containsSubsequence(publicLines.get(how), "DOCUMENTS REVIEWED",
                "- ur-decision.pdf, from claims administrator, received 08/28/2013",
                "- progress-notes.pdf, from requesting physician, received 09/12/2013", "CLINICAL CASE SUMMARY");
    }

    @Test
    void endsSignedWithTheServiceList() {
        assertThat(letter.text()).endsWith(TestLetters.SIGNATURE + "\n" + TestLetters.serviceList("10/01/2013"));
        assertThat(PdfText.collapsed(PdfText.of(letter.pdf()))).containsSubsequence(
                "NOTICE OF INDEPENDENT MEDICAL REVIEW FINAL DETERMINATION", "SUMMARY OF FINDINGS", "APPEAL RIGHTS",
                "HOW THE IMR FINAL DETERMINATION WAS MADE", "DOCUMENTS REVIEWED", "CLINICAL CASE SUMMARY",
                "IMR ISSUES, DECISIONS AND RATIONALES", "Sincerely,", "SERVICE LIST");
        assertThat(letter.templateVersion()).isEqualTo(LetterTemplateVersions.current());
        // the cover and the public letter start on pages of their own, each with the case number in its footer
        assertThat(PdfText.collapsed(PdfText.of(letter.pdf()))).contains("Case Number: CM13-0021037 · Page 1 of",
                "Case Number: CM13-0021037 · Page 2 of");
    }

    @Test
    void aDraftIsTheLetterWordForWordAndPageForPageMarkedAsNotIssuedOnEveryPage() {
        RenderedLetter draft = TestLetters.renderer().renderMailedDeterminationDraft(MAILED, TestLetters.RECIPIENTS);
        String printed = PdfText.of(draft.pdf());
        int pages = PdfText.pages(letter.pdf());
        assertThat(PdfText.pages(draft.pdf())).isEqualTo(pages);
        assertThat(printed.split(PdfText.DRAFT_BANNER, -1)).hasSize(pages + 1);
        assertThat(PdfText.withoutDraftMarks(printed)).isEqualTo(PdfText.of(letter.pdf()));
        assertThat(draft.text()).as("its plain text is marked too").isEqualTo("DRAFT\n\n" + letter.text());
        assertThat(draft.title()).isEqualTo("Final Determination Letter (draft)");
    }

    @Test
    void refusesALetterWithoutDocumentsReviewedOrAddressees() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContentCopies.with(MAILED, "documentsReviewed", List.of()))
                .withMessageContaining("documentsReviewed");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestLetters.renderer().renderMailedDetermination(MAILED, List.of()))
                .withMessageContaining("recipients");
        ContentCopies.assertEveryFieldRequired(MAILED);
    }
}
