package org.imrflow.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A real redacted Final Determination Letter from {@code shared/seeds}, with its text-extraction
 * artefacts undone: blank lines dropped, whitespace collapsed, wrapped item lines rejoined. The
 * seeds live next to the repository, not in it, so they are looked up from the working directory
 * and from the parent folder of the repository root.
 */
public final class SeedLetter {

    private static final Pattern HEADING = Pattern.compile("[A-Z][A-Z ,]{10,}");
    private static final Pattern ITEM_LINE = Pattern.compile(".*:\\s+(Upheld|Overturned)");

    /** Non-blank lines of the seed, each stripped and with whitespace collapsed. */
    public final List<String> lines;

    private SeedLetter(List<String> lines) {
        this.lines = lines;
    }

    public static SeedLetter load(String fileName) {
        Set<Path> candidates = new LinkedHashSet<>();
        Path workingDirectory = Path.of("").toAbsolutePath();
        candidates.add(workingDirectory.resolve("../shared/seeds").resolve(fileName).normalize());
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.exists(dir.resolve(".git")) && dir.getParent() != null) {
                candidates.add(dir.getParent().resolve("shared/seeds").resolve(fileName));
                break;
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return new SeedLetter(read(candidate));
            }
        }
        return fail("Seed letter " + fileName + " not found; looked in " + candidates
                + ". Run the tests from the project root with the shared/seeds folder next to the repository.");
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(PdfText::collapsed)
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            return fail("Could not read seed letter " + file, e);
        }
    }

    /** The whole letter as one string, for phrases that wrap across lines in the seed. */
    public String joined() {
        return String.join(" ", lines);
    }

    public List<String> headings() {
        return lines.stream().filter(line -> HEADING.matcher(line).matches()).toList();
    }

    /** One disputed item of the seed: its item line and the labels of the lines that follow it, in order. */
    public record Item(String line, List<String> labels) {
    }

    /**
     * The items, with the item line ("description:  decision") whitespace-collapsed. A description
     * that wrapped in the seed is rejoined: the lines before it belong to it as long as they do not
     * end a sentence or a lead-in ("." or ":"), which is how the block before an item always ends.
     */
    public List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (ITEM_LINE.matcher(lines.get(i)).matches()) {
                int start = i;
                while (start > 0 && !lines.get(start - 1).matches(".*[.:]$")) {
                    start--;
                }
                items.add(new Item(String.join(" ", lines.subList(start, i + 1)), labelsAfter(i)));
            }
        }
        return items;
    }

    private List<String> labelsAfter(int itemLineIndex) {
        List<String> labels = new ArrayList<>();
        for (String line : lines.subList(itemLineIndex + 1, lines.size())) {
            if (ITEM_LINE.matcher(line).matches()) {
                break;
            }
            int colon = line.indexOf(':');
            String label = colon < 0 ? "" : line.substring(0, colon + 1);
            if (label.endsWith(" guideline:") || label.equals("Decision rationale:")) {
                labels.add(label);
            }
        }
        return labels;
    }
}
