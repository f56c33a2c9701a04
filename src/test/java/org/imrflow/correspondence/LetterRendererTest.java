package org.imrflow.correspondence;

import org.imrflow.support.PdfText;
import org.imrflow.support.SeedLetter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the Final Determination Letter of seed 001 (two items, one upheld, one overturned) and
 * compares its structure with the seed letter itself, so the layout is checked against a real
 * letter rather than against a copy of the template.
 */
class LetterRendererTest {

    static final String HOW_MADE = "HOW THE IMR FINAL DETERMINATION WAS MADE";
    static final String SUMMARY = "CLINICAL CASE SUMMARY";
    static final String ISSUES = "IMR ISSUES, DECISIONS AND RATIONALES";
    static final String SUMMARY_LEAD_IN = "The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:";
    static final String ISSUES_LEAD_IN = "The Final Determination was based on decisions for the disputed items/services set forth below:";
    static final String NO_EVIDENCE = "The Claims Administrator did not cite any medical evidence for its decision.";

    static final String CLINICAL_SUMMARY = """
            This 51-year-old male detailer injured his low back on 5/27/11. Treatment to date: 12 sessions of \
            physical therapy approved on 7/30/13; 8 sessions of PT in 2012; 13 sessions of PT in 2011; MRI \
            lumbar spine; and Medications. EMG of the left lower extremity just approved. On 9/12/13 the \
            worker noted that PT was helpful "but not enough to significantly cure and relieve the effects of \
            his injury before it was stopped by the carrier." Diagnosis: chronic pain (AME on2/27/13: \
            chronic lumbar spine pain and inguinal hernia). REQUEST: 1) chronic pain Psychology \
            evaluation and six sessions of treatment; 2) chronic pain Physical Therapy evaluation and 6 visits \
            of treatment.""";

    static final DeterminationLetterContent SEED_001 = new DeterminationLetterContent("CM13-0021037",
            LocalDate.of(2013, 9, 3), LocalDate.of(2013, 8, 21), LocalDate.of(2013, 10, 1),
            "MAXIMUS Federal Services", "MAXIMUS",
            new ReviewerCredentials(List.of("California"), List.of("Psychiatry")),
            CLINICAL_SUMMARY,
            List.of(new ItemDetermination("Chronic pain psychology evaluation and six sessions of treatment", "Upheld",
                            NO_EVIDENCE, "Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 23.",
                            "The guidelines allow an initial trial of 3-4 psychotherapy visits and more only with objective "
                                    + "functional improvement. There is no record of such a trial, so six sessions are not "
                                    + "medically necessary per MTUS."),
                    new ItemDetermination("Chronic pain physical therapy evaluation and six visits of treatment", "Overturned",
                            NO_EVIDENCE,
                            "Decision based on MTUS Chronic Pain Treatment Guidelines Physical Therapy Page(s): 98-99.",
                            "The CA-MTUS recommends physical therapy, and the worker documented on 9/12/13 that it helped. "
                                    + "The Physical Medicine Guidelines frequently recommend far more than six sessions of PT, "
                                    + "so the request is medically necessary.")));

    static SeedLetter seed;
    static RenderedLetter letter;
    static List<String> lines;

    @BeforeAll
    static void render() {
        seed = SeedLetter.load("001_bb4913a5b984f6c8.txt");
        letter = new LetterRenderer().renderDetermination(SEED_001);
        lines = nonBlankLines(letter.text());
    }

    @Test
    void headerNamesTheOrganizationTheLetterTheCaseAndItsDates() {
        assertThat(letter.title()).isEqualTo("Final Determination Letter");
        assertThat(letter.text().lines().limit(7)).containsExactly("MAXIMUS Federal Services",
                "Final Determination Letter", "Case Number: CM13-0021037", "Date Assigned: 09/03/2013",
                "UR Denial Date: 08/21/2013", "Determination Date: 10/01/2013", "");
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
        assertThat(lineAfter(SUMMARY_LEAD_IN)).isEqualTo(CLINICAL_SUMMARY);
        assertThat(lineAfter(ISSUES)).isEqualTo(ISSUES_LEAD_IN);
    }

    @Test
    void itemBlocksFollowTheSeedLineForLine() {
        List<SeedLetter.Item> seedItems = seed.items();
        List<String> renderedItemLines = lines.stream().filter(line -> line.matches(".*:  (Upheld|Overturned)")).toList();
        assertThat(renderedItemLines.stream().map(PdfText::collapsed))
                .containsExactlyElementsOf(seedItems.stream().map(SeedLetter.Item::line).toList());

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
        assertThat(lines).contains("Claims Administrator guideline: " + NO_EVIDENCE,
                "MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Physical Therapy Page(s): 98-99.");
        assertThat(letter.text()).contains("Chronic pain psychology evaluation and six sessions of treatment:  Upheld\n");
    }

    @Test
    void sectionsComeInTheSeedsOrder() {
        assertThat(lines).containsSubsequence(HOW_MADE, "The Expert Reviewer has the following credentials:",
                SUMMARY, SUMMARY_LEAD_IN, CLINICAL_SUMMARY, ISSUES, ISSUES_LEAD_IN,
                seed.items().get(0).line().replace(": Upheld", ":  Upheld"),
                seed.items().get(1).line().replace(": Overturned", ":  Overturned"));
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
    void pdfIsUsLetterWithTheSameSectionsInOrderAndTheCaseNumberOnEveryPage() {
        assertThat(new String(letter.pdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PdfText.firstPageSize(letter.pdf())).containsExactly(612f, 792f);
        String pdfText = PdfText.collapsed(PdfText.of(letter.pdf()));
        assertThat(pdfText).containsSubsequence(HOW_MADE, "State(s) of Licensure: California", SUMMARY,
                SUMMARY_LEAD_IN, ISSUES, ISSUES_LEAD_IN,
                "Chronic pain psychology evaluation and six sessions of treatment: Upheld",
                "Claims Administrator guideline: " + NO_EVIDENCE,
                "MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 23.",
                "Decision rationale: The guidelines allow",
                "Chronic pain physical therapy evaluation and six visits of treatment: Overturned");
        // once in the letterhead, once per page in the footer
        assertThat(pdfText.split("CM13-0021037", -1).length - 1).isGreaterThanOrEqualTo(2);
    }

    @Test
    void sha256IsTheHashOfThePdfBytes() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(letter.pdf()));
        assertThat(letter.sha256()).isEqualTo(expected).hasSize(64);
    }

    @Test
    void organizationComesFromTheContent() {
        var other = new DeterminationLetterContent(SEED_001.caseNumber(), SEED_001.dateAssigned(),
                SEED_001.urDenialDate(), SEED_001.determinationDate(), "Golden State Medical Review", "GSMR",
                SEED_001.credentials(), SEED_001.clinicalCaseSummary(), SEED_001.items());
        RenderedLetter rendered = new LetterRenderer().renderDetermination(other);
        assertThat(rendered.text()).doesNotContain("MAXIMUS").startsWith("Golden State Medical Review\n")
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
