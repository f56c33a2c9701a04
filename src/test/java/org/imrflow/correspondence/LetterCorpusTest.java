package org.imrflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.imrflow.support.SharedLetters;
import org.junit.jupiter.api.Test;

/**
 * The real letters are the specification of the letter's text: each of the 29 (the 24 DWC-posted letters of
 * 2016-17 and the 5 seeds of 2013-15) is parsed, rendered again from its facts alone, and compared with the
 * original with all whitespace removed. That absorbs the extraction's line breaks, doubled spaces and words
 * split by stray spaces, and nothing else: case and punctuation must be the same. The rendered lines are
 * compared one by one, in order, so a mismatch names the line and the letter.
 */
class LetterCorpusTest {

    static final int DWC_LETTERS = 24;
    static final int SEEDS = 5;

    final DeterminationLetterParser parser = new DeterminationLetterParser();
    final LetterRenderer renderer = TestLetters.renderer();

    @Test
    void everyRealLetterIsReproducedExactlyFromItsFacts() {
        List<Path> letters = SharedLetters.corpus();
        assertThat(letters).as("letters in shared/letters-2016 and shared/seeds").hasSize(DWC_LETTERS + SEEDS);
        List<String> failures = new ArrayList<>();
        int reproduced = 0;
        int verbatim = 0;
        for (Path letter : letters) {
            String original = SharedLetters.read(letter);
            ParsedLetter parsed;
            try {
                parsed = parser.parse(original);
            } catch (IllegalArgumentException e) {
                failures.add(letter.getFileName() + ": not parsed: " + e.getMessage());
                continue;
            }
            verbatim += (int) parsed.content().items().stream()
                    .flatMap(item -> Stream.of(item.claimsAdministrator(), item.organization()))
                    .filter(basis -> basis.kind() == GuidelineBasis.Kind.VERBATIM).count();
            Optional<String> mismatch = mismatch(original, renderer.determinationText(parsed.content()));
            if (mismatch.isPresent()) {
                failures.add(letter.getFileName() + ": " + mismatch.get());
            } else {
                reproduced++;
            }
        }
        System.out.println("Corpus: " + reproduced + " of " + letters.size() + " letters reproduced exactly ("
                + verbatim + " guideline line" + (verbatim == 1 ? "" : "s") + " kept verbatim)");
        assertThat(failures).as("letters not reproduced exactly").isEmpty();
    }

    /**
     * The first place where the rendered letter and the original differ, with all whitespace removed from both:
     * the rendered lines must follow one another in the original, and cover it to its end.
     */
    static Optional<String> mismatch(String original, String rendered) {
        String expected = original.replaceAll("\\s+", "");
        int at = 0;
        int segment = 0;
        for (String line : rendered.lines().filter(line -> !line.isBlank()).toList()) {
            segment++;
            String actual = line.replaceAll("\\s+", "");
            if (!expected.startsWith(actual, at)) {
                int same = 0;
                while (same < actual.length() && at + same < expected.length()
                        && actual.charAt(same) == expected.charAt(at + same)) {
                    same++;
                }
                return Optional.of("rendered line " + segment + " differs from the original after \""
                        + tail(actual.substring(0, same)) + "\": rendered \"" + head(actual.substring(same))
                        + "\", original \"" + head(expected.substring(at + same)) + "\" (line: \"" + head(line) + "\")");
            }
            at += actual.length();
        }
        return at == expected.length() ? Optional.empty()
                : Optional.of("the original goes on after the last rendered line: \"" + head(expected.substring(at)) + "\"");
    }

    private static String head(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    private static String tail(String text) {
        return text.length() <= 40 ? text : "..." + text.substring(text.length() - 40);
    }
}
