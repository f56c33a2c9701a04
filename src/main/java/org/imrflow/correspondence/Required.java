package org.imrflow.correspondence;

import java.util.List;
import java.util.Objects;

/**
 * Checks shared by the content records of the notices. A blank value would print an empty field in a
 * legal notice, which is worse than refusing to issue it: the caller can fix the data, a recipient cannot.
 */
final class Required {

    private Required() {
    }

    static void text(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank: the letter would print an empty field");
        }
    }

    /** A non-empty list of non-blank lines, copied so the content cannot change after it was checked. */
    static List<String> lines(List<String> lines, String field, String why) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException(field + " must contain at least one entry: " + why);
        }
        for (String line : lines) {
            text(line, field + " entry");
        }
        return List.copyOf(lines);
    }

    static void oneOf(String value, String field, List<String> allowed) {
        // checked first: an immutable list refuses to search for null, with a message that names no field
        Objects.requireNonNull(value, field);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(field + " must be one of \"" + String.join("\", \"", allowed)
                    + "\" but was \"" + value + "\"");
        }
    }
}
