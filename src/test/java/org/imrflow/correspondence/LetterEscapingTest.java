package org.imrflow.correspondence;

import org.imrflow.support.PdfText;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Letters carry text typed by users and copied from medical records. It must print exactly as
 * written: verbatim in the plain text, escaped in the HTML so it can neither inject markup nor break
 * the XHTML the PDF is made from.
 */
class LetterEscapingTest {

    static final String SCRIPT = "<script>alert('x')</script>";
    static final String AMPERSAND = "Smith & Sons <Aquarium>";

    final LetterTemplates templates = new LetterTemplates();
    final LetterRenderer renderer = TestLetters.renderer();

    final DeterminationLetterContent determination = new DeterminationLetterContent(LetterTemplateVersions.current(),
            "CM16-0213037", LocalDate.of(2016, 9, 3), LocalDate.of(2016, 5, 1), LocalDate.of(2016, 10, 1),
            LocalDate.of(2016, 8, 21), "Standard", LocalDate.of(2016, 8, 30), AMPERSAND, "S&S",
            new ReviewerCredentials(List.of("California"), List.of("Physical Medicine & Rehabilitation")),
            "The employee works for " + AMPERSAND + ".\nShe wrote " + SCRIPT + " in the form.",
            List.of(new ItemDetermination("Massage " + SCRIPT, new PartialApproval("Massage <x6>", "Massage <x6> & more", false),
                    "Upheld", GuidelineBasis.verbatim("ODG & ACOEM"), GuidelineBasis.mtus("MTUS <Page 98>"),
                    "Pain score < 3 & improving.")));

    @Test
    void plainTextKeepsUserTextVerbatim() {
        String text = renderer.renderDetermination(determination).text();
        assertThat(text).contains(AMPERSAND + " sent the complete case file", "Certification(s)/Specialty: Physical Medicine & Rehabilitation",
                "She wrote " + SCRIPT + " in the form.", "Massage " + SCRIPT + " was the original request. Massage <x6> was",
                "portion of the original request, Massage <x6> & more is: Upheld", "Claims Administrator guideline: ODG & ACOEM",
                "S&S guideline: Decision based on MTUS MTUS <Page 98>", "Decision rationale: Pain score < 3 & improving.");
        assertThat(text).doesNotContain("&amp;", "&lt;");
    }

    @Test
    void htmlEscapesUserText() {
        String html = templates.render("final-determination.html", LetterRenderer.determinationModel(determination));
        assertThat(html).doesNotContain("<script>", "<Aquarium>", "<Page 98>", "Smith & Sons", "< 3 &")
                .contains("&lt;script&gt;", "Smith &amp; Sons &lt;Aquarium&gt;", "MTUS &lt;Page 98&gt;", "Massage &lt;x6&gt; &amp; more",
                        "Pain score &lt; 3 &amp; improving.");
    }

    @Test
    void pdfPrintsUserTextAsText() {
        String pdfText = PdfText.collapsed(PdfText.of(renderer.renderDetermination(determination).pdf()));
        assertThat(pdfText).contains("She wrote " + SCRIPT + " in the form.", AMPERSAND + " sent the complete",
                "Pain score < 3 & improving.");
    }

    @Test
    void noticeEscapesUserTextInHtmlAndPdfButNotInText() {
        var content = new IneligibilityNoticeContent("CM15-0123456", "Ann O'Neil & " + SCRIPT,
                LocalDate.of(2015, 6, 29), LocalDate.of(2015, 5, 20), LocalDate.of(2015, 7, 2),
                List.of("Signed by " + SCRIPT + " & not the employee."));
        RenderedLetter notice = renderer.renderIneligibilityNotice(content, TestLetters.RECIPIENTS);
        assertThat(notice.text()).contains("Employee: Ann O'Neil & " + SCRIPT, "- Signed by " + SCRIPT + " & not the employee.");
        assertThat(templates.render("ineligibility-notice.html", LetterRenderer.noticeModel(content)))
                .doesNotContain("<script>").contains("Ann O&#39;Neil &amp; &lt;script&gt;");
        assertThat(PdfText.collapsed(PdfText.of(notice.pdf()))).contains("Employee: Ann O'Neil & " + SCRIPT,
                "Signed by " + SCRIPT + " & not the employee.");
    }

    @Test
    void aControlCharacterInTheDataPrintsAsAMarkInsteadOfFailingTheLetter() {
        var content = new IneligibilityNoticeContent("CM15-0123456", "Ann\u0001 O'Neil\u0000",
                LocalDate.of(2015, 6, 29), LocalDate.of(2015, 5, 20), LocalDate.of(2015, 7, 2),
                List.of("Signed by \u001b[31m nobody \uFFFF."));
        RenderedLetter notice = renderer.renderIneligibilityNotice(content, TestLetters.RECIPIENTS);
        assertThat(notice.text()).contains("Employee: Ann\uFFFD O'Neil\uFFFD", "Signed by \uFFFD[31m nobody \uFFFD.");
        assertThat(PdfText.collapsed(PdfText.of(notice.pdf()))).contains("O'Neil");
    }
}
