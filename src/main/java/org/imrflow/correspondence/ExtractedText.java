package org.imrflow.correspondence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A letter's text as extraction left it, made readable: one line with its whitespace collapsed, and where its
 * paragraphs start in that line. The DWC texts mark a paragraph with a line of spaces only, or with a line that
 * starts with a space; an empty line is a page break (or, in the seeds, follows every line) and marks nothing.
 * A text with neither mark, as this system's plain-text letters are, is one paragraph per line.
 *
 * @param paragraphStarts ascending offsets into {@code text}
 */
record ExtractedText(String text, List<Integer> paragraphStarts) {

    static ExtractedText of(String raw) {
        String[] lines = raw.split("\\R", -1);
        boolean marked = Arrays.stream(lines).anyMatch(line -> !line.isEmpty() && Character.isWhitespace(line.charAt(0)));
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        boolean pendingStart = true;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.isBlank()) {
                pendingStart = true;
                continue;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            if (pendingStart || !marked || Character.isWhitespace(line.charAt(0))) {
                starts.add(text.length());
            }
            text.append(collapsed(line));
            pendingStart = false;
        }
        return new ExtractedText(text.toString(), List.copyOf(starts));
    }

    /** The paragraph starts strictly between {@code from} and {@code to}. */
    List<Integer> paragraphStartsWithin(int from, int to) {
        return paragraphStarts.stream().filter(start -> start > from && start < to).toList();
    }

    /** The text from {@code from} to {@code to}, one paragraph per line. */
    String paragraphs(int from, int to) {
        List<String> paragraphs = new ArrayList<>();
        int start = from;
        for (int end : paragraphStartsWithin(from, to)) {
            paragraphs.add(collapsed(text.substring(start, end)));
            start = end;
        }
        paragraphs.add(collapsed(text.substring(start, to)));
        return String.join("\n", paragraphs.stream().filter(paragraph -> !paragraph.isEmpty()).toList());
    }

    /** A regex matching {@code literal} with any whitespace, or none, between its characters ("Decisi on"). */
    static String ws(String literal) {
        StringBuilder regex = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (!regex.isEmpty()) {
                regex.append("\\s*");
            }
            regex.append(Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }

    static Pattern phrase(String literal) {
        return Pattern.compile(ws(literal));
    }

    static String collapsed(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** A short quotation of {@code text} for a warning. */
    static String excerpt(String text) {
        String line = collapsed(text);
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
