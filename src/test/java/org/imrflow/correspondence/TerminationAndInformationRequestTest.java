package org.imrflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.imrflow.support.PdfText;
import org.junit.jupiter.api.Test;

class TerminationAndInformationRequestTest {

    static final TerminationNoticeContent TERMINATION = new TerminationNoticeContent("CM26-0012345",
            LocalDate.of(2026, 12, 2), "Maria Lopez", "Sierra Claims Services", LocalDate.of(2026, 12, 1),
            List.of("Physical therapy, 12 sessions", "MRI of the lumbar spine"), null);

    static final InformationRequestContent REQUEST = new InformationRequestContent("CM26-0012345",
            LocalDate.of(2026, 11, 24), "Maria Lopez", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 2),
            List.of("The signed Application for Independent Medical Review (DWC Form IMR).",
                    "The date the Utilization Review decision was served."));

    @Test
    void theTerminationNoticeSaysWhatWasAuthorizedAndThatNoDeterminationFollows() {
        RenderedLetter notice = TestLetters.renderer().renderTerminationNotice(TERMINATION, TestLetters.RECIPIENTS);
        assertThat(notice.title()).isEqualTo("Notice of Termination");
        assertThat(LetterRendererTest.nonBlankLines(notice.text())).containsSubsequence("Golden State Medical Review",
                "NOTICE OF TERMINATION OF INDEPENDENT MEDICAL REVIEW", "Case Number: CM26-0012345",
                "Notice Date: 12/02/2026", "Sierra Claims Services, the claims administrator, has informed Golden State "
                        + "Medical Review that on 12/01/2026 it authorized the treatment in dispute:",
                "- Physical therapy, 12 sessions", "- MRI of the lumbar spine",
                "The Independent Medical Review of case CM26-0012345 is therefore terminated (8 CCR 9792.10.6(a)). No "
                        + "final determination will be issued. The claims administrator must provide the authorized "
                        + "treatment.");
        assertThat(notice.text()).endsWith(TestLetters.SIGNATURE + "\n" + TestLetters.serviceList("12/02/2026"));
        assertThat(TestLetters.renderer().renderTerminationNotice(
                        ContentCopies.with(TERMINATION, "reason", "Authorized by letter of 12/01/2026."),
                        TestLetters.RECIPIENTS).text())
                .contains("- MRI of the lumbar spine\n\nAuthorized by letter of 12/01/2026.\n");
        ContentCopies.assertEveryFieldRequired(TERMINATION, "reason");
    }

    @Test
    void theInformationRequestListsWhatIsNeededAndTheFiveBusinessDays() {
        RenderedLetter request = TestLetters.renderer().renderInformationRequest(REQUEST, TestLetters.RECIPIENTS.subList(0, 1));
        assertThat(request.title()).isEqualTo("Request for Information");
        assertThat(LetterRendererTest.nonBlankLines(request.text())).containsSubsequence("REQUEST FOR INFORMATION",
                "Case Number: CM26-0012345", "Notice Date: 11/24/2026",
                "Golden State Medical Review is reviewing whether the application for Independent Medical Review "
                        + "received on 11/20/2026 concerning the Utilization Review decision dated 11/02/2026 is "
                        + "eligible for Independent Medical Review. To decide, it needs the following information:",
                "- The signed Application for Independent Medical Review (DWC Form IMR).",
                "- The date the Utilization Review decision was served.", "SERVICE LIST",
                "Employee: Maria Lopez (by mail)");
        assertThat(request.text()).contains("within 5 business days of receiving this request (8 CCR 9792.10.3(c))")
                .doesNotContain("Sierra Claims Services");
        assertThat(PdfText.collapsed(PdfText.of(request.pdf()))).contains("REQUEST FOR INFORMATION",
                "The date the Utilization Review decision was served.");
        ContentCopies.assertEveryFieldRequired(REQUEST);
    }
}
