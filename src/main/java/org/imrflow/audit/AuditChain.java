package org.imrflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain of the audit log: each entry's hash is the SHA-256 of its canonical content, which includes its
 * place in the chain ({@code seq}) and the hash of the entry before it; the first entry follows {@link #GENESIS}.
 * Changing, removing, inserting or reordering an entry therefore breaks every hash from there on. The canonical
 * content is each field as its UTF-8 length, a colon and the field, or "-" for a missing field, joined by "|";
 * times in microseconds since the epoch, PostgreSQL's precision.
 */
public final class AuditChain {

    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** What an entry's hash covers. */
    public record Content(long seq, Instant occurredAt, String actor, String action, String caseNumber, String detail,
                          String remoteAddress, String previousHash) {}

    public static String hash(Content c) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, Long.toString(c.seq()));
        field(canonical, Long.toString(micros(c.occurredAt())));
        field(canonical, c.actor());
        field(canonical, c.action());
        field(canonical, c.caseNumber());
        field(canonical, c.detail());
        field(canonical, c.remoteAddress());
        field(canonical, c.previousHash());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** An instant as PostgreSQL stores it: to the microsecond. */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static void field(StringBuilder canonical, String value) {
        if (!canonical.isEmpty()) {
            canonical.append('|');
        }
        if (value == null) {
            canonical.append('-');
        } else {
            canonical.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
    }
}
