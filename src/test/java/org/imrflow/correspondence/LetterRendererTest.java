package org.imrflow.correspondence;

import org.imrflow.support.PdfText;
import org.imrflow.support.SeedLetter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the Final Determination Letter of seed 001 (two items, one upheld, one overturned) in the current
 * template version and compares its structure with the seed letter itself, so the layout is checked against a
 * real letter rather than against a copy of the template. The wording of every version is checked by
 * {@link DeterminationLetterWordingTest}, the whole text against the real letters by {@link LetterCorpusTest}.
 */
class LetterRendererTest {

    static final String HOW_MADE = "HOW THE IMR FINAL DETERMINATION WAS MADE";
    static final String SUMMARY = "CLINICAL CASE SUMMARY";
    static final String ISSUES = "IMR ISSUES, DECISIONS AND RATIONALES";
    static final String SUMMARY_LEAD_IN = "The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:";
    static final String ISSUES_LEAD_IN = "The Final Determination was based on decisions for the disputed items/services set forth below:";

    static SeedLetter seed;
    static RenderedLetter letter;
    static List<String> lines;

    @BeforeAll
    static void render() {
        seed = SeedLetter.load("001_bb4913a5b984f6c8.txt");
        letter = TestLetters.renderer().renderDetermination(DeterminationLetters.seed001());
        lines = nonBlankLines(letter.text());
    }

    @Test
    void opensWithTheHeaderBlockOfThe2016Letters() {
        assertThat(letter.title()).isEqualTo("Final Determination Letter");
        assertThat(letter.text().lines().limit(8)).containsExactly("Case Number: CM13-0021037",
                "Date Assigned: 09/03/2013", "Date of Injury: 05/27/2011", "Decision Date: 10/01/2013",
                "UR Denial Date: 08/21/2013", "Priority: Standard", "Application Received: 08/28/2013", "");
    }

    @Test
    void hasExactlyTheSeedsSectionHeadingsInTheSeedsOrder() {
        assertThat(seed.headings()).containsExactly(HOW_MADE, SUMMARY, ISSUES);
        List<String> renderedHeadings = lines.stream().filter(line -> line.matches("[A-Z][A-Z ,]{10,}")).toList();
        assertThat(renderedHeadings).isEqualTo(seed.headings());
    }

    @Test
    void eachSectionOpensWithTheSeedsWording() {
        assertThat(seed.joined()).contains(SUMMARY_LEAD_IN, ISSUES_LEAD_IN);
        assertThat(lineAfter(HOW_MADE)).startsWith("MAXIMUS Federal Services sent the complete case file to an expert reviewer.");
        assertThat(lineAfter(SUMMARY)).isEqualTo(SUMMARY_LEAD_IN);
        assertThat(lineAfter(SUMMARY_LEAD_IN)).isEqualTo(DeterminationLetters.CLINICAL_SUMMARY);
        assertThat(lineAfter(ISSUES)).isEqualTo(ISSUES_LEAD_IN);
    }

    @Test
    void itemBlocksFollowTheSeedLineForLine() {
        List<SeedLetter.Item> seedItems = seed.items();
        List<String> renderedItemLines = lines.stream().filter(line -> line.matches(".*: (Upheld|Overturned)")).toList();
        assertThat(renderedItemLines).containsExactlyElementsOf(seedItems.stream().map(SeedLetter.Item::line).toList());

        int issuesLeadIn = lines.indexOf(ISSUES_LEAD_IN);
        for (int i = 0; i < seedItems.size(); i++) {
            assertThat(seedItems.get(i).labels())
                    .containsExactly("Claims Administrator guideline:", "MAXIMUS guideline:", "Decision rationale:");
            int at = lines.indexOf(renderedItemLines.get(i));
            assertThat(at).isGreaterThan(issuesLeadIn);
            for (int k = 0; k < seedItems.get(i).labels().size(); k++) {
                assertThat(lines.get(at + 1 + k)).startsWith(seedItems.get(i).labels().get(k) + " ");
            }
        }
        assertThat(lines).contains("Claims Administrator guideline: " + DeterminationLetters.NO_EVIDENCE,
                "MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Physical Therapy Page(s): 98-99.");
    }

    @Test
    void textIsOneParagraphPerLineWithBlankLinesBetweenBlocks() {
        assertThat(letter.text()).endsWith(".\n").doesNotContain("  ", " \n", "\n\n\n").doesNotStartWith("\n");
        assertThat(letter.text()).contains("Application Received: 08/28/2013\n\n" + HOW_MADE + "\n\n",
                "\n\nThe Expert Reviewer has the following credentials:\nState(s) of Licensure: California\n"
                        + "Certification(s)/Specialty: Psychiatry\n\n" + SUMMARY + "\n\n",
                "treatment: Upheld\n\nClaims Administrator guideline: ");
    }

    @Test
    void describesTheReviewerByCredentialsOnly() {
        int block = lines.indexOf("The Expert Reviewer has the following credentials:");
        assertThat(lines.subList(block, block + 3)).containsExactly("The Expert Reviewer has the following credentials:",
                "State(s) of Licensure: California", "Certification(s)/Specialty: Psychiatry");
        String pdfText = PdfText.of(letter.pdf());
        // a name could only appear in a signature or a title; the content carries none, the templates must not add one
        for (String text : List.of(letter.text(), pdfText)) {
            assertThat(text).doesNotContainIgnoringCase("Dr. ").doesNotContain("M.D.")
                    .doesNotContainIgnoringCase("sincerely").doesNotContainIgnoringCase("signature");
        }
    }

    @Test
    void pdfIsUsLetterSaysWhatTheTextSaysAndHasTheCaseNumberOnEveryPage() throws IOException {
        assertThat(new String(letter.pdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PdfText.firstPageSize(letter.pdf())).containsExactly(612f, 792f);
        try (var document = Loader.loadPDF(letter.pdf())) {
            // the running footer aside, the PDF's words are the plain text's, in the same order
            assertThat(PdfText.collapsed(PdfLetterText.of(document))).isEqualTo(PdfText.collapsed(letter.text()));
            assertThat(PdfText.collapsed(PdfText.of(letter.pdf())).split("CM13-0021037", -1).length - 1)
                    .as("once in the header block, once per page in the footer")
                    .isEqualTo(1 + document.getNumberOfPages());
        }
    }

    @Test
    void sha256IsTheHashOfThePdfBytes() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(letter.pdf()));
        assertThat(letter.sha256()).isEqualTo(expected).hasSize(64);
    }

    @Test
    void organizationComesFromTheContent() {
        var other = DeterminationLetters.seed001(LetterTemplateVersions.current(), "Golden State Medical Review", "GSMR");
        RenderedLetter rendered = TestLetters.renderer().renderDetermination(other);
        assertThat(rendered.text()).doesNotContain("MAXIMUS")
                .contains("\nGolden State Medical Review sent the complete case file", "\nGSMR guideline: ");
        assertThat(PdfText.of(rendered.pdf())).doesNotContain("MAXIMUS");
    }

    private static String lineAfter(String line) {
        return lines.get(lines.indexOf(line) + 1);
    }

    static List<String> nonBlankLines(String text) {
        return text.lines().filter(line -> !line.isBlank()).toList();
    }
}
