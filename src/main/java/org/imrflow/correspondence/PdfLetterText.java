package org.imrflow.correspondence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a letter's PDF, marked the way the DWC texts mark paragraphs (a line of one space before each).
 * PDFBox finds paragraphs by the space between lines, but it starts one on every page; a page's first line
 * continues the paragraph of the page before when its first word would not have fitted on that page's last
 * line, since that is why the line was broken there. Running footers ("Page 1 of 2") are left out.
 */
final class PdfLetterText extends PDFTextStripper {

    /** This system's running footer, "Case Number: CM16-0229336 · Page 1 of 2", or a bare "Page 1 of 2". */
    private static final Pattern PAGE_FOOTER =
            Pattern.compile("\\s*(Case Number:\\s*\\S+\\s*·\\s*)?Page\\s+\\d+\\s+of\\s+\\d+\\s*");

    /** One printed line: where it ends on the page, and how wide its first word and a space are. */
    private record Line(int page, boolean paragraphStart, String text, float right, float firstWordWidth,
            float spaceWidth) {
    }

    private final List<Line> lines = new ArrayList<>();
    private boolean paragraphPending = true;
    private StringBuilder text;
    private boolean paragraphStart;
    private float left;
    private float right;
    private float firstWordWidth;
    private float spaceWidth;

    private PdfLetterText() {
        // the letters are one column: in position order every line is whole and the footer closes its page
        setSortByPosition(true);
    }

    static String of(PDDocument document) throws IOException {
        PdfLetterText stripper = new PdfLetterText();
        stripper.getText(document);
        return stripper.marked();
    }

    private String marked() {
        List<Line> body = lines.stream().filter(line -> !PAGE_FOOTER.matcher(line.text()).matches()).toList();
        float contentRight = (float) body.stream().mapToDouble(Line::right).max().orElse(0);
        StringBuilder marked = new StringBuilder();
        Line previous = null;
        for (Line line : body) {
            boolean starts = line.paragraphStart();
            if (starts && previous != null && line.page() != previous.page()) {
                starts = previous.right() + previous.spaceWidth() + line.firstWordWidth() <= contentRight;
            }
            marked.append(starts ? "\n \n" : "\n").append(line.text());
            previous = line;
        }
        return marked.toString();
    }

    @Override
    protected void writeParagraphStart() {
        paragraphPending = true;
    }

    @Override
    protected void writeParagraphEnd() {
        // the next start marks the paragraph
    }

    @Override
    protected void writeString(String string, List<TextPosition> positions) {
        if (positions.isEmpty()) {
            return;
        }
        if (text == null) {
            text = new StringBuilder();
            paragraphStart = paragraphPending;
            paragraphPending = false;
            left = positions.getFirst().getXDirAdj();
            right = left;
            firstWordWidth = -1;
            spaceWidth = positions.getFirst().getWidthOfSpace();
        } else {
            text.append(' ');
        }
        text.append(string);
        for (TextPosition position : positions) {
            if (position.getUnicode().isBlank()) {
                if (firstWordWidth < 0) {
                    firstWordWidth = right - left;
                }
            } else {
                right = Math.max(right, position.getXDirAdj() + position.getWidthDirAdj());
            }
        }
    }

    @Override
    protected void writeWordSeparator() {
        if (text != null && firstWordWidth < 0) {
            firstWordWidth = right - left;
        }
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        endLine();
        super.endPage(page);
    }

    private void endLine() {
        if (text != null) {
            String line = text.toString().strip();
            if (!line.isEmpty()) {
                lines.add(new Line(getCurrentPageNo(), paragraphStart, line, right,
                        firstWordWidth < 0 ? right - left : firstWordWidth, spaceWidth));
            }
            text = null;
        }
    }
}
