package org.imrflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imrflow.support.SharedLetters;
import org.junit.jupiter.api.Test;

/**
 * The public copy's redaction over the facts of all 29 real letters: the names given at intake, written into each
 * letter's narrative the ways narratives name people, never reach the public copy, and the redaction takes nothing
 * else: the real letters' own text, already published, comes through unchanged.
 */
class RedactionCorpusTest {

    static final List<String> PEOPLE = List.of("Maria Lopez", "Dr. Ana Ruiz", "Lee Advocate, Esq.");
    static final List<String> ORGANIZATIONS = List.of("Central Valley Packing Co.", "Sierra Claims Services",
            "WC-2026-004417");
    /** How the narratives below mention the parties; each must disappear. */
    static final String MENTIONS = "Maria Lopez (Ms. Lopez) of Central Valley Packing Co. was seen by Dr. Ruiz and by "
            + "Dr. Kim Stone; Sierra Claims Services (claim WC-2026-004417) wrote to LOPEZ and to Lee Advocate. ";
    static final List<String> NEVER_PUBLIC = List.of("Maria", "Lopez", "LOPEZ", "Ruiz", "Central Valley",
            "Sierra Claims", "WC-2026-004417", "Lee Advocate", "Advocate", "Kim Stone");

    final DeterminationLetterParser parser = new DeterminationLetterParser();
    final LetterRenderer renderer = TestLetters.renderer();
    final Redaction redaction = Redaction.of(PEOPLE, ORGANIZATIONS);

    @Test
    void theNamesGivenAtIntakeNeverReachThePublicCopyOfAnyRealLetter() {
        List<Path> letters = SharedLetters.corpus();
        assertThat(letters).hasSize(LetterCorpusTest.DWC_LETTERS + LetterCorpusTest.SEEDS);
        List<String> leaks = new ArrayList<>();
        for (Path letter : letters) {
            DeterminationLetterContent facts = parser.parse(SharedLetters.read(letter)).content();
            String publicCopy = renderer.determinationText(redaction.apply(named(facts)));
            for (String name : NEVER_PUBLIC) {
                if (publicCopy.contains(name)) {
                    leaks.add(letter.getFileName() + ": " + name);
                }
            }
        }
        assertThat(leaks).as("names in a public copy").isEmpty();
    }

    @Test
    void theRealLettersOwnTextComesThroughUnchanged() {
        List<String> changed = new ArrayList<>();
        for (Path letter : SharedLetters.corpus()) {
            DeterminationLetterContent facts = parser.parse(SharedLetters.read(letter)).content();
            if (!redaction.apply(facts).equals(facts)) {
                changed.add(letter.getFileName().toString());
            }
            // with the mentions removed, what is left of the narrative is the letter's own text, whole
            DeterminationLetterContent redacted = redaction.apply(named(facts));
            assertThat(redacted.clinicalCaseSummary()).as(letter.getFileName().toString())
                    .endsWith(facts.clinicalCaseSummary());
            for (int i = 0; i < facts.items().size(); i++) {
                assertThat(redacted.items().get(i).decisionRationale()).as(letter.getFileName() + " item " + i)
                        .endsWith(facts.items().get(i).decisionRationale());
            }
        }
        assertThat(changed).as("letters whose published text the redaction would change").isEmpty();
    }

    /** The letter's facts with the parties mentioned at the start of the summary and of every rationale. */
    private static DeterminationLetterContent named(DeterminationLetterContent facts) {
        List<ItemDetermination> items = facts.items().stream()
                .map(item -> new ItemDetermination(item.request(), item.partial(), item.decision(),
                        item.claimsAdministrator(), item.organization(), MENTIONS + item.decisionRationale()))
                .toList();
        return new DeterminationLetterContent(facts.templateVersion(), facts.caseNumber(), facts.dateAssigned(),
                facts.dateOfInjury(), facts.decisionDate(), facts.urDenialDate(), facts.priority(),
                facts.applicationReceived(), facts.organizationName(), facts.organizationShortName(),
                facts.credentials(), MENTIONS + facts.clinicalCaseSummary(), items);
    }
}
