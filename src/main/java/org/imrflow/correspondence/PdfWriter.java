package org.imrflow.correspondence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Turns a rendered XHTML letter into PDF bytes. No fonts are registered, so openhtmltopdf falls back
 * to the PDF base-14 fonts: nothing is downloaded or read from the host, and every server renders
 * the same document.
 *
 * <p>Lines are broken at spaces only, never after a hyphen or a slash or before a parenthesis as the Unicode
 * rules allow: a reader of the PDF (and {@link DeterminationLetterParser#parsePdf}) then knows that every
 * line break stands for one space, so the text reads back exactly as written ("Page(s)", "11/23/16").
 */
final class PdfWriter {

    byte[] write(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useUnicodeLineBreaker(new SpaceBreaker());
            // no base URI: the templates reference no external resources, and none may be fetched
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the letter PDF", e);
        }
        return out.toByteArray();
    }

    /** Line-break opportunities after each run of white space, as a {@link java.text.BreakIterator} reports them. */
    static final class SpaceBreaker implements FSTextBreaker {

        private static final int DONE = -1;

        private String text = "";
        private int position;

        @Override
        public void setText(String newText) {
            text = newText;
            position = 0;
        }

        @Override
        public int next() {
            if (position >= text.length()) {
                return DONE;
            }
            int at = position;
            while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            position = at;
            return at;
        }
    }
}
