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

    /** The line a draft letter carries at the top of every page (templates/letters/letter-page.html). */
    public static final String DRAFT_BANNER = "DRAFT — NOT ISSUED — PREVIEW FOR QUALITY REVIEW";

    /** The text of a draft letter without its marks: the banner and the watermark of every page. */
    public static String withoutDraftMarks(String text) {
        return text.lines().filter(line -> !line.strip().equals(DRAFT_BANNER) && !line.strip().equals("DRAFT"))
                .map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
    }

    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
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
