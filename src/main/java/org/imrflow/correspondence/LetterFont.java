package org.imrflow.correspondence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A TrueType font file of the letters, read once from the class path, without its glyph substitution table
 * ({@code GSUB}).
 *
 * <p>PDFBox applies a font's substitutions to every run of text it draws, and builds their matcher again each time:
 * three quarters of a letter's rendering time went there. The letters' Liberation faces substitute only to compose
 * a letter and a combining accent into one glyph ({@code ccmp}); text arrives composed (NFC) in practice, and the
 * layout measures glyph widths without substitutions anyway. Every other table is kept byte for byte.
 */
final class LetterFont {

    private static final int OFFSET_TABLE = 12;
    private static final int TABLE_RECORD = 16;
    private static final String GLYPH_SUBSTITUTION = "GSUB";
    /** The font header's checksum adjustment makes the whole file sum to this (OpenType, "head" table). */
    private static final long CHECKSUM_MAGIC = 0xB1B0AFBAL;

    private LetterFont() {
    }

    /** The font file on the class path at {@code path}, without glyph substitutions. */
    static byte[] read(String path) {
        try (InputStream in = LetterFont.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The letter font " + path + " is missing from the class path");
            }
            return withoutGlyphSubstitution(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the letter font " + path, e);
        }
    }

    /** The same font file without its {@code GSUB} table; the file itself when it has none. */
    static byte[] withoutGlyphSubstitution(byte[] font) {
        ByteBuffer in = ByteBuffer.wrap(font);
        if (font.length < OFFSET_TABLE) {
            throw new IllegalArgumentException("Not a TrueType font: " + font.length + " bytes");
        }
        int sfntVersion = in.getInt(0);
        int count = Short.toUnsignedInt(in.getShort(4));
        if (font.length < OFFSET_TABLE + count * TABLE_RECORD) {
            throw new IllegalArgumentException("Not a TrueType font: its table directory runs past its end");
        }
        Map<String, byte[]> tables = new TreeMap<>(); // table records are sorted by tag
        for (int i = 0; i < count; i++) {
            int record = OFFSET_TABLE + i * TABLE_RECORD;
            byte[] tag = new byte[4];
            in.get(record, tag);
            int offset = in.getInt(record + 8);
            int length = in.getInt(record + 12);
            if (offset < 0 || length < 0 || offset > font.length - length) {
                throw new IllegalArgumentException("Not a TrueType font: table " + i + " lies outside the file");
            }
            byte[] data = new byte[length];
            in.get(offset, data);
            tables.put(new String(tag, StandardCharsets.ISO_8859_1), data);
        }
        if (tables.remove(GLYPH_SUBSTITUTION) == null) {
            return font;
        }
        return write(sfntVersion, tables);
    }

    private static byte[] write(int sfntVersion, Map<String, byte[]> tables) {
        int count = tables.size();
        int size = OFFSET_TABLE + count * TABLE_RECORD;
        for (byte[] data : tables.values()) {
            size += padded(data.length);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        int power = Integer.highestOneBit(count);
        out.putInt(sfntVersion).putShort((short) count).putShort((short) (power * 16))
                .putShort((short) Integer.numberOfTrailingZeros(power)).putShort((short) ((count - power) * 16));
        int offset = OFFSET_TABLE + count * TABLE_RECORD;
        int headOffset = -1;
        for (Map.Entry<String, byte[]> table : tables.entrySet()) {
            byte[] data = table.getValue();
            if (table.getKey().equals("head")) {
                // its checksum, and then the whole file's, are taken with the adjustment at zero
                data = data.clone();
                ByteBuffer.wrap(data).putInt(8, 0);
                headOffset = offset;
            }
            out.put(table.getKey().getBytes(StandardCharsets.ISO_8859_1)).putInt((int) checksum(data))
                    .putInt(offset).putInt(data.length);
            out.put(offset, data);
            offset += padded(data.length);
        }
        if (headOffset >= 0) {
            out.putInt(headOffset + 8, (int) (CHECKSUM_MAGIC - checksum(out.array())));
        }
        return out.array();
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    /** The sum of the data as big-endian 32-bit words, zero-padded at its end, modulo 2^32. */
    private static long checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            long word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < data.length ? data[i + j] & 0xFF : 0);
            }
            sum += word;
        }
        return sum & 0xFFFFFFFFL;
    }
}
