package org.imrflow.correspondence;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Prepares user text for the letter layout. The plain-text letter has one paragraph per line, so a
 * stray line break inside a one-line field (an item description, a guideline citation) would split
 * a block in two; free-text fields keep their paragraphs instead.
 */
final class LetterText {

    /** The date format of the issued letters: 09/03/2013. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private LetterText() {
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** Joins any line breaks and runs of whitespace into single spaces. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** Splits free text into its paragraphs (one per non-blank line), each on one line. */
    static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(LetterText::oneLine)
                .toList();
    }

    static String joined(List<String> values) {
        return String.join(", ", values.stream().map(LetterText::oneLine).toList());
    }
}
