package org.imrflow.correspondence;

import org.imrflow.support.PdfText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class NoticeOfAssignmentTest {

    static final String ASSIGNED = "The application for Independent Medical Review received on 11/20/2026 concerning "
            + "the Utilization Review decision dated 11/02/2026 was found eligible for Independent Medical Review. "
            + "It has been assigned to Golden State Medical Review for a standard review.";

    // the record set of 8 CCR 9792.10.5(a)(1)(A) to (D), worded as domain.md section 2.5 has it
    static final String TREATING_REPORTS = "- Reports from the treating physician that are relevant to the employee's "
            + "current condition and were written in the 6 months before the request for authorization, including any "
            + "report named in the request for authorization or in the Utilization Review decision. If the requesting "
            + "physician has treated the employee for less than 6 months, also send the reports of any prior or "
            + "referring physicians from those 6 months.";
    static final String FORM_IMR = "- The Application for Independent Medical Review (DWC Form IMR) that was sent with "
            + "the Utilization Review decision. Do not send the Utilization Review decision itself or the instructions "
            + "for the form.";
    static final String CORRESPONDENCE = "- All letters and other correspondence given to the employee about the "
            + "Utilization Review decision, except the written Utilization Review decision itself.";
    static final String SUPPORTING = "- Any documents the employee or a medical provider sent the claims administrator "
            + "in support of the request for treatment.";

    static final String PENALTIES = "Records received late may result in administrative penalties under 8 CCR 9792.12, "
            + "and the review may proceed without them.";
    static final String MAY_SUBMIT = "The employee and the requesting physician may also send Golden State Medical "
            + "Review any documents that support the request for treatment, at the address above.";

    static final NoticeOfAssignmentContent NOTICE = new NoticeOfAssignmentContent("CM26-0012345",
            LocalDate.of(2026, 11, 30), NoticeOfAssignmentContent.STANDARD, "Maria Lopez", "WC-2026-004417",
            LocalDate.of(2026, 3, 14), "Central Valley Packing Co.", "Sierra Claims Services", "Ana Ruiz, M.D.",
            LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 2),
            List.of("Physical therapy, 12 sessions", "MRI of the lumbar spine"), "12/15/2026",
            NoticeOfAssignmentContent.MAIL);

    final RenderedLetter notice = TestLetters.renderer().renderNoticeOfAssignment(NOTICE, TestLetters.RECIPIENTS);

    @Test
    void headerNamesTheOrganizationItsAddressTheCaseAndTheParties() {
        assertThat(notice.title()).isEqualTo("Notice of Assignment and Request for Information");
        assertThat(notice.text().lines().limit(13)).containsExactly("Golden State Medical Review",
                "P.O. Box 138009", "Sacramento, CA 95813-8009", "", "NOTICE OF ASSIGNMENT AND REQUEST FOR INFORMATION",
                "Case Number: CM26-0012345", "Notice Date: 11/30/2026", "Employee: Maria Lopez",
                "Claim Number: WC-2026-004417", "Date of Injury: 03/14/2026", "Employer: Central Valley Packing Co.",
                "Claims Administrator: Sierra Claims Services", "");
    }

    @Test
    void statesTheAssignmentThenTheDisputedTreatmentAndWhoRequestedIt() {
        assertThat(LetterRendererTest.nonBlankLines(notice.text())).containsSubsequence(ASSIGNED, "DISPUTED TREATMENT",
                "The following treatment, requested by Ana Ruiz, M.D., is in dispute:",
                "- Physical therapy, 12 sessions", "- MRI of the lumbar spine", "REQUEST FOR INFORMATION");
    }

    @Test
    void asksTheClaimsAdministratorForTheRecordSetByTheDueDate() {
        List<String> lines = LetterRendererTest.nonBlankLines(notice.text());
        int request = lines.indexOf("REQUEST FOR INFORMATION");
        assertThat(lines.subList(request, request + 9)).containsExactly("REQUEST FOR INFORMATION",
                "To Sierra Claims Services, the claims administrator: you must send Golden State Medical Review copies "
                        + "of the following records (8 CCR 9792.10.5(a)(1)):",
                TREATING_REPORTS, FORM_IMR, CORRESPONDENCE, SUPPORTING,
                "The records must be received by 12/15/2026. Send them to Golden State Medical Review at the address "
                        + "above. This notice is sent by mail.",
                PENALTIES, "DOCUMENTS FROM THE EMPLOYEE AND THE REQUESTING PHYSICIAN");
    }

    @Test
    void invitesTheEmployeeAndThePhysicianToSendDocumentsThenIsSignedAndListsTheRecipients() {
        assertThat(LetterRendererTest.nonBlankLines(notice.text())).containsSubsequence(
                "DOCUMENTS FROM THE EMPLOYEE AND THE REQUESTING PHYSICIAN", MAY_SUBMIT, "Sincerely,", "SERVICE LIST");
        assertThat(notice.text()).endsWith(MAY_SUBMIT + "\n\n" + TestLetters.SIGNATURE + "\n" + TestLetters.serviceList("11/30/2026"));
        assertThat(notice.templateVersion()).isEqualTo(LetterTemplateVersions.current());
    }

    @Test
    void saysHowTheNoticeWasSentAndWhichReviewItIs() {
        RenderedLetter expedited = TestLetters.renderer().renderNoticeOfAssignment(ContentCopies.with(
                ContentCopies.with(NOTICE, "reviewType", NoticeOfAssignmentContent.EXPEDITED),
                "delivery", NoticeOfAssignmentContent.ELECTRONIC), TestLetters.RECIPIENTS);
        assertThat(expedited.text()).contains("for an expedited review.", "This notice is sent electronically.")
                .doesNotContain("sent by mail");
        RenderedLetter formulary = TestLetters.renderer().renderNoticeOfAssignment(
                ContentCopies.with(NOTICE, "reviewType", NoticeOfAssignmentContent.FORMULARY), TestLetters.RECIPIENTS);
        assertThat(formulary.text()).contains("for a formulary review.", "This notice is sent by mail.");
    }

    @Test
    void pdfIsValidAndSaysTheSame() {
        assertThat(new String(notice.pdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PdfText.firstPageSize(notice.pdf())).containsExactly(612f, 792f);
        assertThat(PdfText.collapsed(PdfText.of(notice.pdf()))).containsSubsequence("Golden State Medical Review",
                "P.O. Box 138009", "Sacramento, CA 95813-8009", "NOTICE OF ASSIGNMENT AND REQUEST FOR INFORMATION",
                "Case Number: CM26-0012345", "Notice Date: 11/30/2026", "Employee: Maria Lopez",
                "Claim Number: WC-2026-004417", "Date of Injury: 03/14/2026", "Employer: Central Valley Packing Co.",
                "Claims Administrator: Sierra Claims Services", ASSIGNED, "DISPUTED TREATMENT",
                "requested by Ana Ruiz, M.D., is in dispute:", "Physical therapy, 12 sessions",
                "MRI of the lumbar spine", "REQUEST FOR INFORMATION", "To Sierra Claims Services, the claims administrator",
                TREATING_REPORTS.substring(2), FORM_IMR.substring(2), CORRESPONDENCE.substring(2),
                SUPPORTING.substring(2), "The records must be received by 12/15/2026.", "This notice is sent by mail.",
                PENALTIES, "DOCUMENTS FROM THE EMPLOYEE AND THE REQUESTING PHYSICIAN", MAY_SUBMIT, "Sincerely,",
                "Medical Director", "SERVICE LIST", "Employee: Maria Lopez (by mail)", "12 Orchard Lane",
                "Claims administrator: Sierra Claims Services (electronically)",
                "Employer: Central Valley Packing Co. (by mail)");
        assertThat(notice.sha256()).isEqualTo(LetterRenderer.sha256(notice.pdf()));
    }

    @Test
    void refusesANoticeWithoutAnyOfItsFields() {
        ContentCopies.assertEveryFieldRequired(NOTICE);
    }

    @Test
    void refusesBlankListEntriesAndUnknownReviewTypesOrDeliveries() {
        assertThatIllegalArgumentException().isThrownBy(() -> ContentCopies.with(NOTICE, "disputedItems",
                List.of("MRI of the lumbar spine", " "))).withMessageContaining("disputedItems");
        assertThatIllegalArgumentException().isThrownBy(() -> TestLetters.renderer().renderNoticeOfAssignment(NOTICE,
                List.of())).withMessageContaining("recipients");
        assertThatIllegalArgumentException().isThrownBy(() -> ContentCopies.with(NOTICE, "reviewType", "Urgent"))
                .withMessageContaining("reviewType").withMessageContaining("Urgent");
        assertThatIllegalArgumentException().isThrownBy(() -> ContentCopies.with(NOTICE, "reviewType", "standard"))
                .withMessageContaining("reviewType");
        assertThatIllegalArgumentException().isThrownBy(() -> ContentCopies.with(NOTICE, "delivery", "fax"))
                .withMessageContaining("delivery");
    }

    @Test
    void printsUserTextLiterallyInTextAndPdfAndEscapedInHtml() {
        String script = LetterEscapingTest.SCRIPT;
        String inline = "[(${organizationName})]";
        NoticeOfAssignmentContent hostile = ContentCopies.with(
                ContentCopies.with(NOTICE, "employeeName", "Ann O'Neil & " + script),
                "disputedItems", List.of("Massage " + inline + " < 3 visits"));
        LetterRenderer renderer = new LetterRenderer(new Letterhead("Golden State Medical Review", "GSMR",
                "1 Main St. " + script + "\nSuite " + inline, List.of("Medical Director")),
                LetterTemplateVersions.current());
        RenderedLetter rendered = renderer.renderNoticeOfAssignment(hostile, List.of(
                new Recipient("Employee", script, List.of(), org.imrflow.deadlines.Delivery.MAIL),
                new Recipient("Attorney", inline, List.of(), org.imrflow.deadlines.Delivery.MAIL)));

        assertThat(rendered.text()).contains("Employee: Ann O'Neil & " + script, "- Massage " + inline + " < 3 visits",
                "\n1 Main St. " + script + "\nSuite " + inline + "\n",
                "Employee: " + script + " (by mail)\n\nAttorney: " + inline + " (by mail)")
                .doesNotContain("&amp;", "&lt;");
        assertThat(new LetterTemplates().render("notice-of-assignment.html",
                LetterRenderer.noticeOfAssignmentModel(hostile))).doesNotContain("<script>")
                .contains("Ann O&#39;Neil &amp; &lt;script&gt;", "Massage [(${organizationName})] &lt; 3 visits");
        assertThat(PdfText.collapsed(PdfText.of(rendered.pdf()))).contains("Employee: Ann O'Neil & " + script,
                "Massage " + inline + " < 3 visits", "1 Main St. " + script, "Suite " + inline,
                "Attorney: " + inline);
    }
}
