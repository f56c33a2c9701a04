package org.imrflow.correspondence;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Turns a rendered XHTML letter into an archival PDF (PDF/A-2b): Liberation Serif and Sans, shipped in the
 * application, are embedded (the letters' style names them), with the sRGB colour profile of the Java platform.
 * Nothing is read from the host or fetched, so every server renders the same document, and it can be opened and
 * printed the same way in decades. The font files are read once, without their glyph substitutions
 * ({@link LetterFont}).
 *
 * <p>Lines are broken at spaces only, never after a hyphen or a slash or before a parenthesis as the Unicode
 * rules allow: a reader of the PDF (and {@link DeterminationLetterParser#parsePdf}) then knows that every
 * line break stands for one space, so the text reads back exactly as written ("Page(s)", "11/23/16").
 */
final class PdfWriter {

    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    static {
        PdfRendererLog.install();
    }

    private record Face(String family, byte[] file, int weight, FontStyle style) {

        Face(String family, String file, int weight, FontStyle style) {
            this(family, LetterFont.read("/liberation/" + file), weight, style);
        }
    }

    private static final List<Face> FACES = List.of(
            new Face("Liberation Serif", "LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL),
            new Face("Liberation Serif", "LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL),
            new Face("Liberation Serif", "LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC),
            new Face("Liberation Serif", "LiberationSerif-BoldItalic.ttf", 700, FontStyle.ITALIC),
            new Face("Liberation Sans", "LiberationSans-Regular.ttf", 400, FontStyle.NORMAL),
            new Face("Liberation Sans", "LiberationSans-Bold.ttf", 700, FontStyle.NORMAL));

    byte[] write(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (Face face : FACES) {
                builder.useFont(() -> new ByteArrayInputStream(face.file()), face.family(), face.weight(), face.style(),
                        true);
            }
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
            builder.useColorProfile(SRGB);
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
