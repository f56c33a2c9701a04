package org.imrflow.determination;

import java.nio.charset.StandardCharsets;

/**
 * A historical Final Determination Letter as it is sent for import: its text (JSON, field {@code text}) or its
 * file (multipart, field {@code file}: the PDF or the text extracted from it), and what the sender says of it. Both
 * of these are optional: {@code templateVersion}, the version the sender expects the letter to read as, and
 * {@code caseNumber}, needed for a letter before 2016, which has no header block and so states none.
 *
 * @param field    the request field the letter came in, which its errors name
 * @param fileName the file's name, null for a text
 * @param content  the letter's bytes: a PDF, or UTF-8 text; null when none was sent
 */
public record LetterSubmission(String field, String fileName, byte[] content, String templateVersion,
                               String caseNumber) {

    public static LetterSubmission text(String text, String templateVersion, String caseNumber) {
        return new LetterSubmission("text", null, text == null ? null : text.getBytes(StandardCharsets.UTF_8),
                templateVersion, caseNumber);
    }

    public static LetterSubmission file(String fileName, byte[] content, String templateVersion, String caseNumber) {
        return new LetterSubmission("file", fileName, content, templateVersion, caseNumber);
    }

    /** A file that is a PDF; a text sent as text is text, whatever it starts with. */
    boolean pdf() {
        return "file".equals(field) && content != null && content.length > 5
                && new String(content, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
    }
}
