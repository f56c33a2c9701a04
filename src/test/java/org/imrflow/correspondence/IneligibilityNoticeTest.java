package org.imrflow.correspondence;

import org.imrflow.support.PdfText;
import org.imrflow.support.SeedLetter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class IneligibilityNoticeTest {

    static final String APPEAL = "This determination of ineligibility may be appealed to the Workers' Compensation "
            + "Appeals Board by a verified petition filed within 30 days of the date of mailing of this notice.";

    static final IneligibilityNoticeContent NOTICE = new IneligibilityNoticeContent("CM15-0123456", "Maria Lopez",
            LocalDate.of(2015, 6, 29), LocalDate.of(2015, 5, 20), LocalDate.of(2015, 7, 2),
            List.of("The application was received more than 30 days after service of the Utilization Review decision.",
                    "A copy of the written Utilization Review decision was not attached to the application."));

    final RenderedLetter notice = TestLetters.renderer().renderIneligibilityNotice(NOTICE, TestLetters.RECIPIENTS);

    @Test
    void headerIdentifiesTheCaseTheEmployeeAndTheDates() {
        assertThat(notice.title()).isEqualTo("Notice of Ineligibility");
        assertThat(notice.text().lines().limit(10)).containsExactly("Golden State Medical Review",
                "P.O. Box 138009", "Sacramento, CA 95813-8009", "",
                "NOTICE OF INELIGIBILITY FOR INDEPENDENT MEDICAL REVIEW", "Case Number: CM15-0123456",
                "Notice Date: 07/02/2015", "Employee: Maria Lopez", "Application Received: 06/29/2015",
                "UR Decision Date: 05/20/2015");
    }

    @Test
    void statesIneligibilityListsEveryReasonThenTheAppealRights() {
        List<String> lines = LetterRendererTest.nonBlankLines(notice.text());
        assertThat(lines).containsSubsequence(
                "The application for Independent Medical Review received on 06/29/2015 concerning the Utilization "
                        + "Review decision dated 05/20/2015 is not eligible for Independent Medical Review for the "
                        + "following reason(s):",
                "- " + NOTICE.reasons().get(0), "- " + NOTICE.reasons().get(1), "APPEAL RIGHTS", APPEAL);
        assertThat(notice.text()).endsWith(APPEAL + "\n\n" + TestLetters.SIGNATURE + "\n"
                + TestLetters.serviceList("07/02/2015"));
    }

    @Test
    void pdfIsValidAndSaysTheSame() {
        assertThat(new String(notice.pdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PdfText.firstPageSize(notice.pdf())).containsExactly(612f, 792f);
        assertThat(PdfText.collapsed(PdfText.of(notice.pdf()))).containsSubsequence(
                "NOTICE OF INELIGIBILITY FOR INDEPENDENT MEDICAL REVIEW", "Employee: Maria Lopez",
                "is not eligible for Independent Medical Review", NOTICE.reasons().get(0), NOTICE.reasons().get(1),
                "APPEAL RIGHTS", APPEAL);
        assertThat(notice.sha256()).isEqualTo(LetterRenderer.sha256(notice.pdf()));
    }

    @Test
    void refusesANoticeWithoutReasons() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IneligibilityNoticeContent("CM15-0123456",
                "Maria Lopez", LocalDate.of(2015, 6, 29), LocalDate.of(2015, 5, 20), LocalDate.of(2015, 7, 2),
                List.of())).withMessageContaining("reasons");
    }
}
