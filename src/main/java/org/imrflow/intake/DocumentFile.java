package org.imrflow.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.imrflow.InputPolicy;

/**
 * A document received with an application: a PDF or a plain-text file. The content must be what the type
 * says: a PDF starts with {@code %PDF-}, a text file is UTF-8.
 */
public record DocumentFile(String fileName, String contentType, byte[] content) {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    /** The problem with this file, or null if it is acceptable. */
    public String problem() {
        if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
            return "Each document needs a file name of at most 255 characters.";
        }
        if (InputPolicy.problem(fileName, false) != null) {
            return "A document's file name must not contain control characters such as NUL.";
        }
        if (content == null || content.length == 0) {
            return "Document " + fileName + " is empty.";
        }
        if (content.length > MAX_BYTES) {
            return "Document " + fileName + " is larger than 20 MB.";
        }
        return switch (normalizedType()) {
            case "application/pdf" -> isPdf() ? null : "Document " + fileName + " is not a PDF file.";
            case "text/plain" -> isUtf8() ? null : "Document " + fileName + " is not UTF-8 text.";
            default -> "Document " + fileName + " must be a PDF or a plain-text file.";
        };
    }

    String normalizedType() {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip();
    }

    private boolean isPdf() {
        return content.length > 5 && new String(content, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
    }

    private boolean isUtf8() {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
