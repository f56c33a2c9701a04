package org.imrflow;

import java.time.LocalDate;

/**
 * The one rule for text that comes in from anywhere (JSON bodies, web and task forms, file names, query parameters
 * and path variables): no NUL and no other control character, and nothing XML cannot hold (an unpaired surrogate,
 * U+FFFE, U+FFFF), since PostgreSQL refuses NUL and a letter is XHTML before it is a PDF. Tab is allowed
 * everywhere; line breaks (CR, LF) only in multi-line text. Dates are plausible ({@link #dateProblem}).
 */
public final class InputPolicy {

    /** No date of injury, decision or receipt in this system is older than this. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    /** Dates that lie ahead (a license's expiry, a closure, a leave) lie ahead no further than this. */
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    public static final String CONTROL_CHARACTER = "Must not contain control characters such as NUL.";
    public static final String LINE_BREAK = "Must be a single line.";

    private InputPolicy() {
    }

    /** Why the text breaks the rule (a message for the field), or null if it keeps it. */
    public static String problem(String text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (!multiLine) {
                    return LINE_BREAK;
                }
            } else if (!allowed(text, i)) {
                return CONTROL_CHARACTER;
            } else if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return null;
    }

    /** Checks one field; a broken rule is an {@link InvalidInputException} naming the field. */
    public static String check(String field, String text, boolean multiLine) {
        String problem = problem(text, multiLine);
        if (problem != null) {
            throw InvalidInputException.of(field, problem);
        }
        return text;
    }

    /**
     * The text with every character XML cannot hold replaced by U+FFFD, for what was stored before the rule or comes
     * from elsewhere (a parsed letter): a letter then prints a visible mark instead of failing to print.
     */
    public static String xmlSafe(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = c == '\n' || c == '\r' || allowed(text, i);
            if (!keep && safe == null) {
                safe = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (safe != null) {
                if (keep && Character.isHighSurrogate(c)) {
                    safe.append(c).append(text.charAt(++i));
                } else {
                    safe.append(keep ? c : '\uFFFD');
                }
            } else if (keep && Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return safe == null ? text : safe.toString();
    }

    /**
     * Why a date is implausible anywhere in this system (a message for the field), or null: before
     * {@link #EARLIEST_DATE} or after {@link #LATEST_DATE}. Fields that cannot lie ahead (a date of injury, of a
     * decision, of receipt) also refuse dates after today, where the domain knows today.
     */
    public static String dateProblem(LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
            return "Must be a date from " + EARLIEST_DATE + " to " + LATEST_DATE + ".";
        }
        return null;
    }

    // tab, and what XML 1.0 allows apart from the C1 controls: printable characters and paired surrogates
    private static boolean allowed(String text, int i) {
        char c = text.charAt(i);
        if (c == '\t') {
            return true;
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\uFFFE' || c == '\uFFFF') {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return !Character.isLowSurrogate(c);
    }
}
