package org.imrflow.bench;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * One {@code COPY ... FROM STDIN} in PostgreSQL's text format, fed row by row and flushed in blocks of about a
 * megabyte: {@code null} is {@code \N}, backslash, tab and line ends are escaped, times are written in UTC.
 */
final class Copy implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn in;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean first = true;
    private long rows;

    Copy(CopyManager copy, String table, String columns) throws SQLException {
        this.in = copy.copyIn("copy " + table + " (" + columns + ") from stdin");
    }

    /** Starts the next field of the current row. */
    Copy add(Object value) {
        if (!first) {
            buffer.append('\t');
        }
        first = false;
        switch (value) {
            case null -> buffer.append("\\N");
            case Instant at -> buffer.append(at).append("");
            case LocalDate day -> buffer.append(day);
            case byte[] bytes -> buffer.append("\\\\x").append(HexFormat.of().formatHex(bytes));
            default -> escape(value.toString());
        }
        return this;
    }

    /** Ends the current row. */
    void row() throws SQLException {
        buffer.append('\n');
        first = true;
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
        flush();
        in.endCopy();
    }
}
