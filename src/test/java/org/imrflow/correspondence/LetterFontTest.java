package org.imrflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/** The letters' fonts lose their glyph substitutions and nothing else. */
class LetterFontTest {

    private static final String FONT = "/liberation/LiberationSerif-Regular.ttf";

    @Test
    void dropsTheGlyphSubstitutionsAndKeepsEveryOtherTableByteForByte() throws IOException {
        byte[] original;
        try (InputStream in = LetterFontTest.class.getResourceAsStream(FONT)) {
            original = in.readAllBytes();
        }
        byte[] stripped = LetterFont.read(FONT);

        Map<String, byte[]> before = tables(original);
        Map<String, byte[]> after = tables(stripped);
        assertThat(before).containsKey("GSUB");
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet().stream().filter(t -> !t.equals("GSUB")).toList());
        after.forEach((tag, bytes) -> {
            if (!tag.equals("head")) {
                assertThat(bytes).as(tag).isEqualTo(before.get(tag));
            }
        });
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(stripped));
             TrueTypeFont originalFont = new TTFParser().parse(new RandomAccessReadBuffer(original))) {
            assertThat(originalFont.getGsubData()).isNotSameAs(GsubData.NO_DATA_FOUND);
            assertThat(font.getGsubData()).isSameAs(GsubData.NO_DATA_FOUND);
            assertThat(font.getNumberOfGlyphs()).isEqualTo(originalFont.getNumberOfGlyphs());
            assertThat(font.getUnicodeCmapLookup().getGlyphId('§')).isEqualTo(originalFont.getUnicodeCmapLookup().getGlyphId('§'));
        }
        // the font header's adjustment makes the file sum to the constant of the OpenType specification
        assertThat(sum(stripped)).isEqualTo(0xB1B0AFBAL);
    }

    @Test
    void aFontWithoutGlyphSubstitutionsIsLeftAsItIs() {
        byte[] stripped = LetterFont.read(FONT);
        assertThat(LetterFont.withoutGlyphSubstitution(stripped)).isSameAs(stripped);
    }

    @Test
    void refusesWhatIsNotAFontFile() {
        assertThatIllegalArgumentException().isThrownBy(() -> LetterFont.withoutGlyphSubstitution(new byte[] {0, 1}))
                .withMessageStartingWith("Not a TrueType font");
        byte[] truncated = Arrays.copyOf(LetterFont.read(FONT), 4_000);
        assertThatIllegalArgumentException().isThrownBy(() -> LetterFont.withoutGlyphSubstitution(truncated))
                .withMessageContaining("outside the file");
    }

    private static Map<String, byte[]> tables(byte[] file) throws IOException {
        Map<String, byte[]> tables = new TreeMap<>();
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file))) {
            for (TTFTable table : font.getTables()) {
                tables.put(table.getTag(), font.getTableBytes(table));
            }
        }
        return tables;
    }

    private static long sum(byte[] file) {
        long sum = 0;
        for (int i = 0; i < file.length; i += 4) {
            sum += ((long) (file[i] & 0xFF) << 24) | ((file[i + 1] & 0xFF) << 16) | ((file[i + 2] & 0xFF) << 8)
                    | (file[i + 3] & 0xFF);
        }
        return sum & 0xFFFFFFFFL;
    }
}
