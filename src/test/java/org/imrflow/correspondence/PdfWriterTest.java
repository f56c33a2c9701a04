package org.imrflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Letters are archival PDFs: PDF/A-2b, every font embedded, the output intent an sRGB profile. */
class PdfWriterTest {

    private final byte[] pdf = TestLetters.renderer().renderIneligibilityNotice(IneligibilityNoticeTest.NOTICE, TestLetters.RECIPIENTS).pdf();

    @Test
    void declaresPdfA2bInItsMetadataWithAnSrgbOutputIntent() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>").contains("<pdfaid:conformance>B</pdfaid:conformance>");
            assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(document.getDocumentCatalog().getOutputIntents().getFirst().getDestOutputIntent()).isNotNull();
        }
    }

    @Test
    void embedsEveryFontItUses() throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("Liberation");
            });
        }
    }

    @Test
    void theRenderersLogGoesThroughTheApplicationsLog() {
        Logger renderer = (Logger) LoggerFactory.getLogger("com.openhtmltopdf");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        renderer.addAppender(events);
        try {
            TestLetters.renderer().renderIneligibilityNotice(IneligibilityNoticeTest.NOTICE, TestLetters.RECIPIENTS);
        } finally {
            renderer.detachAppender(events);
        }
        assertThat(events.list).isNotEmpty()
                .anySatisfy(event -> assertThat(event.getLoggerName()).startsWith("com.openhtmltopdf."));
    }
}
