package org.imrflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a rendered PDF back, as a recipient's PDF reader would, so the tests check the document itself. */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException("the rendered PDF could not be read", e);
        }
    }

    public static float[] firstPageSize(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var box = document.getPage(0).getMediaBox();
            return new float[] {box.getWidth(), box.getHeight()};
        } catch (IOException e) {
            throw new UncheckedIOException("the rendered PDF could not be read", e);
        }
    }

    /** Collapses whitespace, because PDF text extraction breaks lines wherever the layout wrapped them. */
    public static String collapsed(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
