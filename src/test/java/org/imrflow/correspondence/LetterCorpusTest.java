package org.imrflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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
        List<Path> letters = corpus();
        assertThat(letters).as("letters in shared/letters-2016 and shared/seeds").hasSize(DWC_LETTERS + SEEDS);
        List<String> failures = new ArrayList<>();
        int reproduced = 0;
        int verbatim = 0;
        for (Path letter : letters) {
            String original = read(letter);
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

    /** The letters, looked up like the seeds: shared/ next to the repository. */
    static List<Path> corpus() {
        Path shared = shared();
        try (Stream<Path> dwc = Files.list(shared.resolve("letters-2016")); Stream<Path> seeds = Files.list(shared.resolve("seeds"))) {
            return Stream.concat(dwc, seeds).filter(path -> path.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            return fail("Could not list the letters in " + shared, e);
        }
    }

    static Path shared() {
        Set<Path> candidates = new LinkedHashSet<>();
        Path workingDirectory = Path.of("").toAbsolutePath();
        candidates.add(workingDirectory.resolve("../shared").normalize());
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.exists(dir.resolve(".git")) && dir.getParent() != null) {
                candidates.add(dir.getParent().resolve("shared"));
                break;
            }
        }
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate.resolve("letters-2016")) && Files.isDirectory(candidate.resolve("seeds"))) {
                return candidate;
            }
        }
        return fail("The real letters (shared/letters-2016 and shared/seeds) were not found; looked in " + candidates
                + ". Run the tests from the project root with the shared folder next to the repository.");
    }

    static String read(Path letter) {
        try {
            return Files.readString(letter, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail("Could not read " + letter, e);
        }
    }

    private static String head(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    private static String tail(String text) {
        return text.length() <= 40 ? text : "..." + text.substring(text.length() - 40);
    }
}
