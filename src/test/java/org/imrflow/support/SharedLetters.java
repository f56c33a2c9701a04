package org.imrflow.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The real Final Determination Letters beside the repository ({@code shared/letters-2016}, {@code shared/seeds}),
 * as they are, looked up like {@link SeedLetter}.
 */
public final class SharedLetters {

    private SharedLetters() {
    }

    /** The text of a letter, by its path under {@code shared/}: "letters-2016/CM16-0239569.txt". */
    public static String text(String path) {
        Set<Path> candidates = new LinkedHashSet<>();
        Path workingDirectory = Path.of("").toAbsolutePath();
        candidates.add(workingDirectory.resolve("../shared").resolve(path).normalize());
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.exists(dir.resolve(".git")) && dir.getParent() != null) {
                candidates.add(dir.getParent().resolve("shared").resolve(path));
                break;
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return Files.readString(candidate, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return fail("Could not read " + candidate, e);
                }
            }
        }
        return fail("Letter " + path + " not found; looked in " + candidates
                + ". Run the tests from the project root with the shared folder next to the repository.");
    }

    /**
     * The letter's words as LetterCorpusTest compares them: all whitespace removed, which absorbs the extraction's
     * line breaks, doubled spaces and words split by stray spaces, and nothing else.
     */
    public static String words(String letter) {
        return letter.replaceAll("\\s+", "");
    }
}
