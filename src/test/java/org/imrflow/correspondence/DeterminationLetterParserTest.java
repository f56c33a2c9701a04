package org.imrflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.imrflow.support.SharedLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads facts back from real letters (with their extraction artefacts), from this system's plain text and from
 * its PDF. That every real letter renders back to its own text is {@link LetterCorpusTest}'s business; here the
 * facts themselves are checked.
 */
class DeterminationLetterParserTest {

    final DeterminationLetterParser parser = new DeterminationLetterParser();
    final LetterRenderer renderer = TestLetters.renderer();

    @Test
    void readsTheHeaderBlockAndRepairsTheSplitCaseNumber() {
        ParsedLetter letter = parse("letters-2016/CM16-0229336.txt");
        DeterminationLetterContent content = letter.content();
        assertThat(content.templateVersion()).isEqualTo("2016");
        assertThat(content.caseNumber()).isEqualTo("CM16-0229336");
        assertThat(List.of(content.dateAssigned(), content.dateOfInjury(), content.decisionDate(), content.urDenialDate(),
                content.applicationReceived())).containsExactly(LocalDate.of(2016, 12, 5), LocalDate.of(2016, 10, 20),
                LocalDate.of(2016, 12, 30), LocalDate.of(2016, 10, 28), LocalDate.of(2016, 11, 28));
        assertThat(content.priority()).isEqualTo("Standard");
        assertThat(content.organizationName()).isEqualTo("MAXIMUS Federal Services");
        assertThat(content.organizationShortName()).isEqualTo("MAXIMUS");
        assertThat(content.credentials()).isEqualTo(new ReviewerCredentials(List.of("California"),
                List.of("Preventive Medicine", "Occupational Medicine")));
        assertThat(content.clinicalCaseSummary()).startsWith("This is a 78 year old male w ith a date of injury")
                .endsWith("once a day for left foot fracture.");
        assertThat(letter.warnings()).singleElement().asString().startsWith("Words split by stray spaces were joined");
    }

    @Test
    void readsAnAuthorizedAlternativeThatLeavesTheWholeRequestInDispute() {
        ItemDetermination item = parse("letters-2016/CM16-0229336.txt").content().items().getFirst();
        // free text is kept as extracted: "reh abilitation" cannot be told from two words safely
        assertThat(item.request()).isEqualTo("Acute inpatient reh abilitation physical therapy and occupational "
                + "therapy 7- 10 days for left foot fracture");
        assertThat(item.partial()).isEqualTo(new PartialApproval("Skilled nursing facility for 7 days with PT/OT once "
                + "a day for left foot fracture", "Acute inpatient rehabilitation physical therapy and occupational "
                + "therapy 7 -10 days for left foot fracture", true));
        assertThat(item.decision()).isEqualTo("Overturned");
        assertThat(item.claimsAdministrator()).isEqualTo(GuidelineBasis.nonMtus(
                "Official Disability Guidelines, 2016, Web Version, Criteria for skilled nursing facility."));
        assertThat(item.organization().kind()).isEqualTo(GuidelineBasis.Kind.NON_MTUS);
        assertThat(item.decisionRationale()).startsWith("MTUS and ODG Guidelines do not address")
                .endsWith("7 -10 days for left foot fracture, is medically necessary.");
    }

    @Test
    void readsPartlyAuthorizedRequestsAndBothBases() {
        List<ItemDetermination> items = parse("letters-2016/CM16-0239569.txt").content().items();
        assertThat(items).hasSize(5).allSatisfy(item -> {
            assertThat(item.partial()).isNotNull();
            assertThat(item.partial().wholeRequestRemains()).isFalse();
            assertThat(item.decision()).isEqualTo("Upheld");
        });
        assertThat(items.get(3).request()).isEqualTo("Spinolator therapy (traction) times 12");
        assertThat(items.get(3).partial()).isEqualTo(new PartialApproval("Spinolator therapy (traction) times 6",
                "Spinolator therapy (traction) times 6", false));
        assertThat(items.getFirst().claimsAdministrator()).isEqualTo(GuidelineBasis.both(
                "Chronic Pain Medical Treatment 2016, Section(s): Manual therapy & manipulation .",
                "Official Disability Guidelines (ODG) Neck and Upper Back (Acute and Chronic) Manipulation and ODG "
                        + "Chiropractic Guidelines."));
        assertThat(items.get(2).organization()).isEqualTo(GuidelineBasis.mtus("Low Back Complaints 2004, Section(s): Physical Methods ."));
    }

    @Test
    void keepsALineThatFitsNoWordingVerbatimAndSaysSo() {
        ParsedLetter letter = parse("letters-2016/CM16-0248698.txt");
        assertThat(letter.content().items()).hasSize(21);
        ItemDetermination dicopanol = letter.content().items().get(20);
        assertThat(dicopanol.request()).isEqualTo("Dicopanol (unknown quantity)");
        assertThat(dicopanol.claimsAdministrator()).isEqualTo(GuidelineBasis.verbatim("The Claims Administrator based "
                + "their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non -MTUS "
                + "Official Disability Guidelines (ODG), Pain."));
        assertThat(letter.warnings()).anySatisfy(warning -> assertThat(warning).startsWith(
                "Item 21 (Dicopanol (unknown quantity)): the Claims Administrator guideline line fits no wording of "
                        + "template version 2016 and is kept verbatim"));
    }

    @Test
    void findsAnItemLineThatRunsOnAfterTheRationaleBeforeIt() {
        ParsedLetter letter = parse("letters-2016/CM17-0012582.txt");
        List<ItemDetermination> items = letter.content().items();
        assertThat(items.get(1).decisionRationale()).endsWith("terminating opioids for this patient.");
        assertThat(items.get(2).request()).isEqualTo("Platelet -rich plasma injection to the right knee");
        assertThat(letter.warnings()).contains("Item 3: its item line runs on after the rationale before it; it was "
                + "taken to start at \"Platelet -rich plasma injection to the right knee\".");
    }

    @Test
    void readsLabelsSplitByStraySpaces() {
        // "MAX IMUS guideline :", "Claims Administrator  guidel ine:", "Decision rationale" after "Section(s)"
        DeterminationLetterContent content = parse("letters-2016/CM17-0010420.txt").content();
        assertThat(content.organizationShortName()).isEqualTo("MAXIMUS");
        assertThat(content.items()).extracting(ItemDetermination::decision)
                .containsExactly("Overturned", "Overturned", "Overturned", "Upheld", "Overturned", "Overturned", "Overturned");
        // "Associated surgical service: Shoulder sling with abduction pillow : Uphel d"
        assertThat(parse("letters-2016/CM16-0238035.txt").content().items().getLast().decision()).isEqualTo("Upheld");
    }

    @Test
    void readsTheOldestTextWithItsTypoMojibakeAndTruncation() {
        ParsedLetter letter = parse("seeds/001_bb4913a5b984f6c8.txt");
        DeterminationLetterContent content = letter.content();
        assertThat(content.templateVersion()).isEqualTo("2013a");
        assertThat(content.caseNumber()).isNull();
        assertThat(content.dateAssigned()).isNull();
        assertThat(content.priority()).isNull();
        assertThat(content.credentials()).isEqualTo(new ReviewerCredentials(List.of("California"), List.of("psychiatry")));
        assertThat(content.items()).extracting(ItemDetermination::decision).containsExactly("Upheld", "Overturned");
        assertThat(content.items().getFirst().decisionRationale()).contains("8 C.C.R. Â§Â§9792.20 - 9792.26");
        assertThat(content.items().getLast().decisionRationale()).endsWith("Given the great s");
        assertThat(letter.warnings()).containsExactly(
                "Mojibake (UTF-8 read as Latin-1) in item 1's decision rationale: \"Guidelines 8 C.C.R. Â§Â§9792.20 - "
                        + "9792.2\"; kept as printed.",
                "The letter ends mid-sentence (\"...an six sessions of PT. Given the great s\"): its text looks "
                        + "truncated; kept as printed.");
    }

    @Test
    void tellsTheVersionsApart() {
        assertThat(parse("seeds/004_e18a79b329e14890.txt").content().templateVersion()).isEqualTo("2013b");
        assertThat(parse("seeds/000_782d99fc521d7489.txt").content().templateVersion()).isEqualTo("2015");
        DeterminationLetterContent seed002 = parse("seeds/002_7cb878fb010eaeb8.txt").content();
        assertThat(seed002.templateVersion()).isEqualTo("2015");
        assertThat(seed002.items().getFirst().organization()).isEqualTo(GuidelineBasis.nonMtus("Official Disability "
                + "Guidelines (ODG) (1) Chronic pain, Physical medicine treatment. (2) Preface, Physical Therapy Guidelines."));
        // a citation without its period is a fact of its own
        assertThat(parse("seeds/004_e18a79b329e14890.txt").content().items().getFirst().claimsAdministrator())
                .isEqualTo(GuidelineBasis.nonMtus("Official Disability Guidelines/Pain (chronic)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2013a", "2013b", "2015", "2016"})
    void readsBackThePlainTextOfEveryVersion(String version) {
        DeterminationLetterContent content = sample(version);
        ParsedLetter parsed = parser.parse(renderer.determinationText(content));
        assertThat(parsed.content()).isEqualTo(content);
        assertThat(parsed.warnings()).containsExactly(verbatimWarning(version));
    }

    @Test
    void readsBackTheFactsOfARenderedPdf() throws IOException {
        DeterminationLetterContent content = sample("2016");
        RenderedLetter letter = renderer.renderDetermination(content);
        try (var document = Loader.loadPDF(letter.pdf())) {
            assertThat(document.getNumberOfPages()).as("a rationale runs over a page break").isGreaterThan(1);
        }
        ParsedLetter parsed = parser.parsePdf(letter.pdf());
        assertThat(parsed.content()).isEqualTo(content);
        assertThat(parsed.warnings()).containsExactly(verbatimWarning("2016"));
    }

    /** The real letters' facts, artefacts and all, survive a trip through this system's PDF. */
    @Test
    void everyRealLetterReadsBackFromItsRenderedPdf() {
        for (Path letter : SharedLetters.corpus()) {
            DeterminationLetterContent content = parser.parse(SharedLetters.read(letter)).content();
            assertThat(parser.parsePdf(renderer.renderDetermination(content).pdf()).content())
                    .as(letter.getFileName().toString()).isEqualTo(content);
        }
    }

    @Test
    void refusesWhatIsNotAFinalDeterminationLetter() {
        assertThatIllegalArgumentException().isThrownBy(() -> parser.parse("Notice of Ineligibility\n\nThe application ..."))
                .withMessageContaining("HOW THE IMR FINAL DETERMINATION WAS MADE");
        String noItems = renderer.determinationText(sample("2016")).replace(": Upheld", "").replace(": Overturned", "");
        assertThatIllegalArgumentException().isThrownBy(() -> parser.parse(noItems))
                .withMessageContaining("No disputed item found");
        assertThatIllegalArgumentException().isThrownBy(() -> parser.parsePdf("%PDF-1.4 broken".getBytes(StandardCharsets.US_ASCII)))
                .withMessageStartingWith("The file is not a readable PDF");
    }

    /**
     * A letter of the given version that exercises the parser: every kind of basis, both partial wordings, a
     * rationale long enough to run over a page and text that a line could be broken inside ("Page(s)",
     * "11/23/16", "Pre-operative").
     */
    static DeterminationLetterContent sample(String version) {
        String longRationale = ("The ACOEM Guidelines indicate that surgical considerations are appropriate for "
                + "patients who had activity limitations for more than four months (Page(s): 209-211, updated "
                + "11/23/16). Pre-operative testing to include chest x-ray, CBC, and CMP would be appropriate. ").repeat(12)
                + "Therefore, the request is medically necessary.";
        List<ItemDetermination> items = List.of(
                new ItemDetermination("Acupuncture 18 sessions", new PartialApproval("Acupuncture 6 sessions",
                        "Acupuncture 12 sessions", false), "Upheld", GuidelineBasis.mtus("Acupuncture Treatment 2007."),
                        GuidelineBasis.mtus("Acupuncture Treatment 2007."), "Additional treatment is contingent upon "
                        + "patient response to therapy.\nGiven the above, Acupuncture 12 sessions is not medically necessary."),
                new ItemDetermination("Partial Hospitalization day treatment", new PartialApproval(
                        "an Evaluation only for a Partial Hospitalization day treatment",
                        "Partial Hospitalization day treatment", true), "Overturned",
                        GuidelineBasis.both("Stress-Related Conditions 2004, Section(s): General Approach.",
                                "ODG Mental Illness and Stress."),
                        GuidelineBasis.nonMtus("Official Disability Guidelines (ODG) Shoulder Chapter, Surgical assistant."),
                        longRationale),
                new ItemDetermination("Pre-operative PT/PTT", null, "Upheld", GuidelineBasis.noEvidence(),
                        GuidelineBasis.noEvidence(), "As the requested surgical intervention is not medically necessary, "
                        + "the requested ancillary service is not medically necessary."),
                new ItemDetermination("Dicopanol (unknown quantity)", null, "Upheld", GuidelineBasis.verbatim(
                        "Decision based on Non-MTUS Official Disability Guidelines (ODG), Pain."),
                        GuidelineBasis.mtus("Low Back Complaints 2004"), "The request is not medically necessary."));
        DeterminationLetterContent seed = DeterminationLetters.withItems(version, items);
        boolean header = !version.startsWith("2013") && !version.equals("2015");
        return new DeterminationLetterContent(version, header ? "CM17-0001749" : null,
                header ? LocalDate.of(2017, 1, 6) : null, header ? LocalDate.of(2016, 10, 17) : null,
                header ? LocalDate.of(2017, 2, 2) : null, header ? LocalDate.of(2016, 12, 21) : null,
                header ? "Expedited" : null, header ? LocalDate.of(2017, 1, 3) : null, "Golden State Medical Review",
                "GSMR", new ReviewerCredentials(List.of("New York", "California", "Georgia"),
                        List.of("Internal Medicine", "Physical Medicine & Rehabilitation")),
                seed.clinicalCaseSummary() + "\n" + seed.clinicalCaseSummary(), seed.items());
    }

    /** The sample's verbatim line is kept verbatim again, and said so: it is still a line that fits no wording. */
    private static String verbatimWarning(String version) {
        return "Item 4 (Dicopanol (unknown quantity)): the Claims Administrator guideline line fits no wording of "
                + "template version " + version + " and is kept verbatim: \"Decision based on Non-MTUS Official "
                + "Disability Guidelines (ODG), Pain.\"";
    }

    private ParsedLetter parse(String letter) {
        Path file = SharedLetters.shared().resolve(letter);
        return parser.parse(SharedLetters.read(file));
    }
}
