package org.imrflow.correspondence;

import org.imrflow.support.PdfText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.imrflow.deadlines.Delivery;
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

    static final ExpeditedReviewNoticeContent NOTICE = new ExpeditedReviewNoticeContent("CM26-0012345",
            LocalDate.of(2026, 12, 1), "Maria Lopez", "Ana Ruiz, M.D.", LocalDate.of(2026, 11, 30), "12/04/2026",
            "12/02/2026 3:00 PM PST");

    final RenderedLetter notice = TestLetters.renderer().renderExpeditedReviewNotice(NOTICE, TestLetters.RECIPIENTS);

    @Test
    void headerIdentifiesTheCaseTheEmployeeAndTheDate() {
        assertThat(notice.title()).isEqualTo("Notice of Expedited Review");
        assertThat(notice.text().lines().limit(9)).containsExactly("Golden State Medical Review",
                "P.O. Box 138009", "Sacramento, CA 95813-8009", "", "NOTICE OF EXPEDITED REVIEW",
                "Case Number: CM26-0012345", "Employee: Maria Lopez", "Notice Date: 12/01/2026", "");
    }

    @Test
    void statesTheCertificationTheNewDeadlinesAndTheRecipients() {
        assertThat(LetterRendererTest.nonBlankLines(notice.text()).subList(7, 12)).containsExactly(CERTIFIED,
                DETERMINATION_DUE, RECORDS_DUE, PENALTIES, "Sincerely,");
        assertThat(notice.text()).endsWith(PENALTIES + "\n\n" + TestLetters.SIGNATURE + "\n"
                + TestLetters.serviceList("12/01/2026"));
    }

    @Test
    void asksForNoRecordsWhenTheyAreAlreadyIn() {
        RenderedLetter recordsIn = TestLetters.renderer().renderExpeditedReviewNotice(
                ContentCopies.with(NOTICE, "recordsDue", null), TestLetters.RECIPIENTS);
        assertThat(LetterRendererTest.nonBlankLines(recordsIn.text()).subList(7, 10))
                .containsExactly(CERTIFIED, DETERMINATION_DUE, "Sincerely,");
        for (String text : List.of(recordsIn.text(), PdfText.of(recordsIn.pdf()))) {
            assertThat(text).doesNotContain("To the claims administrator", "24 hours", "9792.12");
        }
    }

    @Test
    void pdfIsValidAndSaysTheSame() {
        assertThat(new String(notice.pdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PdfText.firstPageSize(notice.pdf())).containsExactly(612f, 792f);
        assertThat(PdfText.collapsed(PdfText.of(notice.pdf()))).containsSubsequence("Golden State Medical Review",
                "NOTICE OF EXPEDITED REVIEW", "Case Number: CM26-0012345", "Employee: Maria Lopez",
                "Notice Date: 12/01/2026", CERTIFIED, DETERMINATION_DUE, RECORDS_DUE, PENALTIES, "Sincerely,",
                "SERVICE LIST", "Employee: Maria Lopez (by mail)", "Requesting physician: Ana Ruiz, M.D. (by mail)",
                "Claims administrator: Sierra Claims Services (electronically)",
                "Employer: Central Valley Packing Co. (by mail)");
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
        ExpeditedReviewNoticeContent hostile = ContentCopies.with(
                ContentCopies.with(NOTICE, "certifyingPhysician", "Dr. O'Neil & " + script),
                "employeeName", "Maria " + inline);
        RenderedLetter rendered = TestLetters.renderer().renderExpeditedReviewNotice(hostile, List.of(
                new Recipient("Employee", inline, List.of(), Delivery.MAIL),
                new Recipient("Attorney", script, List.of(script), Delivery.MAIL)));

        assertThat(rendered.text()).contains("Employee: Maria " + inline + "\n",
                "On 11/30/2026, Dr. O'Neil & " + script + " certified",
                "Employee: " + inline + " (by mail)\n\nAttorney: " + script + " (by mail)\n" + script + "\n")
                .doesNotContain("&amp;", "&lt;", "Maria CM26");
        assertThat(new LetterTemplates().render("expedited-review-notice.html",
                LetterRenderer.expeditedReviewNoticeModel(hostile))).doesNotContain("<script>")
                .contains("Dr. O&#39;Neil &amp; &lt;script&gt;", "Maria [(${caseNumber})]");
        assertThat(PdfText.collapsed(PdfText.of(rendered.pdf()))).contains("Employee: Maria " + inline,
                "Dr. O'Neil & " + script + " certified", "Attorney: " + script);
    }
}
