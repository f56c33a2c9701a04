package org.imrflow.correspondence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Turns a rendered XHTML letter into PDF bytes. No fonts are registered, so openhtmltopdf falls back
 * to the PDF base-14 fonts: nothing is downloaded or read from the host, and every server renders
 * the same document.
 */
final class PdfWriter {

    byte[] write(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // no base URI: the templates reference no external resources, and none may be fetched
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the letter PDF", e);
        }
        return out.toByteArray();
    }
}
