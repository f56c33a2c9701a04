package org.imrflow.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real Final Determination Letters beside the repository ({@code shared/letters-2016}, {@code shared/seeds}),
 * as they are, looked up like {@link SeedLetter}.
 */
public final class SharedLetters {

    private SharedLetters() {
    }

    /** The text of a letter, by its path under {@code shared/}: "letters-2016/CM16-0239569.txt". */
    public static String text(String path) {
        return read(shared().resolve(path));
    }

    /** Every real letter: the DWC-posted letters of 2016-17, then the seeds, each folder in file-name order. */
    public static List<Path> corpus() {
        Path shared = shared();
        try (Stream<Path> dwc = Files.list(shared.resolve("letters-2016")); Stream<Path> seeds = Files.list(shared.resolve("seeds"))) {
            return Stream.concat(dwc, seeds).filter(path -> path.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            return fail("Could not list the letters in " + shared, e);
        }
    }

    /** The DWC-posted letters of 2016-17 alone. */
    public static List<Path> letters2016() {
        return corpus().stream().filter(path -> path.getParent().getFileName().toString().equals("letters-2016")).toList();
    }

    /** The folder {@code shared/} next to the repository. */
    public static Path shared() {
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

    public static String read(Path letter) {
        try {
            return Files.readString(letter, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail("Could not read " + letter, e);
        }
    }

    /**
     * The letter's words as LetterCorpusTest compares them: all whitespace removed, which absorbs the extraction's
     * line breaks, doubled spaces and words split by stray spaces, and nothing else.
     */
    public static String words(String letter) {
        return letter.replaceAll("\\s+", "");
    }
}
