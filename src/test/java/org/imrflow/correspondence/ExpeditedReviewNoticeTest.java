package org.imrflow.correspondence;

import org.imrflow.support.PdfText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExpeditedReviewNoticeTest {

    static final String CERTIFIED = "On 11/30/2026, Ana Ruiz, M.D. certified that the employee faces an imminent and "
            + "serious threat to health. The Independent Medical Review of case CM26-0012345 is therefore now "
            + "expedited: it will be decided sooner than a regular review.";
    static final String DETERMINATION_DUE = "The final determination will be issued by 12/04/2026.";
    static final String RECORDS_DUE = "To the claims administrator: because the review is now expedited, the records "
            + "requested in the Notice of Assignment and Request for Information must now be received by 12/02/2026 "
            + "3:00 PM PST. In an expedited review the records are due within 24 hours of receiving this notice "
            + "(8 CCR 9792.10.5(a)(1)).";
    static final String PENALTIES = NoticeOfAssignmentTest.PENALTIES;
    static final List<String> RECIPIENTS = List.of("Employee: Maria Lopez", "Employer: Central Valley Packing Co.",
            "Requesting Physician: Ana Ruiz, M.D.", "Claims Administrator: Sierra Claims Services");

    static final ExpeditedReviewNoticeContent NOTICE = new ExpeditedReviewNoticeContent("CM26-0012345",
            LocalDate.of(2026, 12, 1), "Golden State Medical Review", "Maria Lopez", "Ana Ruiz, M.D.",
            LocalDate.of(2026, 11, 30), "12/04/2026", "12/02/2026 3:00 PM PST", RECIPIENTS);

    final RenderedLetter notice = new LetterRenderer().renderExpeditedReviewNotice(NOTICE);

    @Test
    void headerIdentifiesTheCaseTheEmployeeAndTheDate() {
        assertThat(notice.title()).isEqualTo("Notice of Expedited Review");
        assertThat(notice.text().lines().limit(6)).containsExactly("Golden State Medical Review",
                "Notice of Expedited Review", "Case Number: CM26-0012345", "Employee: Maria Lopez",
                "Notice Date: 12/01/2026", "");
    }

    @Test
    void statesTheCertificationTheNewDeadlinesAndTheRecipients() {
        assertThat(LetterRendererTest.nonBlankLines(notice.text()).subList(5, 14)).containsExactly(CERTIFIED,
                DETERMINATION_DUE, RECORDS_DUE, PENALTIES, "Sent to:", RECIPIENTS.get(0), RECIPIENTS.get(1),
                RECIPIENTS.get(2), RECIPIENTS.get(3));
        assertThat(notice.text()).endsWith(RECIPIENTS.get(3) + "\n");
    }

    @Test
    void asksForNoRecordsWhenTheyAreAlreadyIn() {
        RenderedLetter recordsIn = new LetterRenderer().renderExpeditedReviewNotice(
                ContentCopies.with(NOTICE, "recordsDue", null));
        assertThat(LetterRendererTest.nonBlankLines(recordsIn.text()).subList(5, 8))
                .containsExactly(CERTIFIED, DETERMINATION_DUE, "Sent to:");
        for (String text : List.of(recordsIn.text(), PdfText.of(recordsIn.pdf()))) {
            assertThat(text).doesNotContain("claims administrator", "24 hours", "9792.12");
        }
    }

    @Test
    void pdfIsValidAndSaysTheSame() {
        assertThat(new String(notice.pdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PdfText.firstPageSize(notice.pdf())).containsExactly(612f, 792f);
        assertThat(PdfText.collapsed(PdfText.of(notice.pdf()))).containsSubsequence("Golden State Medical Review",
                "Notice of Expedited Review", "Case Number: CM26-0012345", "Employee: Maria Lopez",
                "Notice Date: 12/01/2026", CERTIFIED, DETERMINATION_DUE, RECORDS_DUE, PENALTIES, "Sent to:",
                RECIPIENTS.get(0), RECIPIENTS.get(1), RECIPIENTS.get(2), RECIPIENTS.get(3));
        assertThat(notice.sha256()).isEqualTo(LetterRenderer.sha256(notice.pdf()));
    }

    @Test
    void refusesANoticeWithoutAnyOfItsRequiredFields() {
        ContentCopies.assertEveryFieldRequired(NOTICE, "recordsDue");
    }

    @Test
    void recordsDueIsEitherAbsentOrADeadline() {
        assertThat(ContentCopies.with(NOTICE, "recordsDue", null).recordsDue()).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> ContentCopies.with(NOTICE, "recordsDue", " "))
                .withMessageContaining("recordsDue");
    }

    @Test
    void printsUserTextLiterallyInTextAndPdfAndEscapedInHtml() {
        String script = LetterEscapingTest.SCRIPT;
        String inline = "[(${caseNumber})]";
        ExpeditedReviewNoticeContent hostile = ContentCopies.with(ContentCopies.with(
                ContentCopies.with(NOTICE, "certifyingPhysician", "Dr. O'Neil & " + script),
                "employeeName", "Maria " + inline), "recipients", List.of("Employee: " + inline, "Attorney: " + script));
        RenderedLetter rendered = new LetterRenderer().renderExpeditedReviewNotice(hostile);

        assertThat(rendered.text()).contains("Employee: Maria " + inline + "\n",
                "On 11/30/2026, Dr. O'Neil & " + script + " certified", "Employee: " + inline + "\nAttorney: " + script)
                .doesNotContain("&amp;", "&lt;", "Maria CM26");
        assertThat(new LetterTemplates().render("expedited-review-notice.html",
                LetterRenderer.expeditedReviewNoticeModel(hostile))).doesNotContain("<script>")
                .contains("Dr. O&#39;Neil &amp; &lt;script&gt;", "Maria [(${caseNumber})]");
        assertThat(PdfText.collapsed(PdfText.of(rendered.pdf()))).contains("Employee: Maria " + inline,
                "Dr. O'Neil & " + script + " certified", "Attorney: " + script);
    }
}
