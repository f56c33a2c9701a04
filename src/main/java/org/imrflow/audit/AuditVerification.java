package org.imrflow.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the audit chain in order and reports the first break: a place missing or out of order (an entry deleted,
 * or entries swapped), an entry that does not follow the hash before it (deleted, inserted or reordered entries),
 * an entry whose content no longer gives its hash (altered), or a chain that ends before its recorded head (its
 * tail deleted) or goes past it (entries added without the writer).
 */
@Service
public class AuditVerification {

    /** How the chain broke. */
    public enum BreakKind { SEQUENCE_GAP, BROKEN_LINK, ALTERED, TRUNCATED, BEYOND_HEAD, ANCHOR_MISMATCH }

    /** A chain head written outside the database at an earlier verification: that entry must still be there. */
    public record Anchor(long seq, String hash) {}

    /** The first break: the entry where the chain stops holding ({@code entryId} null for a truncated tail). */
    public record Break(Long entryId, long seq, BreakKind kind, String detail) {}

    /** The outcome: whether the chain holds, how many entries were checked, and the first break if any. */
    public record Verification(boolean valid, long checked, long headSeq, Break firstBreak) {}

    private final JdbcClient jdbc;

    AuditVerification(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify() {
        return verify(null);
    }

    /**
     * The verification, also against an anchor written outside the database (which catches a rewritten tail). The
     * head and the entries are read in one snapshot: in read committed, an entry appended between the two reads
     * would look like one written past the head.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify(Anchor anchor) {
        // the walk reads the whole log in one statement: exempt from the application's statement_timeout
        jdbc.sql("set local statement_timeout = 0").update();
        Head head = jdbc.sql("select seq, hash from audit_chain_head where id = 1")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
        Walk walk = new Walk(head.seq(), anchor == null ? -1 : anchor.seq());
        jdbc.sql("""
                select id, occurred_at, actor, action, case_number, detail, remote_addr, seq, prev_hash, hash
                from audit_event order by seq, id""")
                .query((RowCallbackHandler) walk::next);
        Break found = walk.found;
        if (found == null && walk.seq < head.seq()) {
            found = new Break(null, walk.seq + 1, BreakKind.TRUNCATED, "the chain ends at " + walk.seq
                    + " but its head was recorded at " + head.seq() + ": the entries after it were removed");
        } else if (found == null && walk.seq == head.seq() && !walk.previous.equals(head.hash())) {
            found = new Break(walk.lastId, walk.seq, BreakKind.BROKEN_LINK, "the last entry is not the head recorded");
        } else if (found == null && walk.seq > head.seq()) {
            found = new Break(walk.firstBeyondHead, head.seq() + 1, BreakKind.BEYOND_HEAD,
                    "entries after the recorded head were not written by the audit log");
        }
        if (found == null && anchor != null && !anchor.hash().equals(walk.anchored)) {
            found = new Break(null, anchor.seq(), BreakKind.ANCHOR_MISMATCH, "the entry at " + anchor.seq()
                    + " is not the one anchored outside the database: the chain was rewritten or cut from there");
        }
        return new Verification(found == null, walk.checked, head.seq(), found);
    }

    /** The hash of the entry at a place of the chain. */
    @Transactional(readOnly = true)
    public String hashAt(long seq) {
        return jdbc.sql("select hash from audit_event where seq = :seq").param("seq", seq).query(String.class).single();
    }

    private record Head(long seq, String hash) {}

    /** The state of the walk: the place and hash expected next, and the first break. */
    private static final class Walk {
        long seq;
        String previous = AuditChain.GENESIS;
        long checked;
        Long lastId;
        Break found;
        Long firstBeyondHead;
        String anchored;
        private final long headSeq;
        private final long anchorSeq;

        Walk(long headSeq, long anchorSeq) {
            this.headSeq = headSeq;
            this.anchorSeq = anchorSeq;
        }

        void next(ResultSet rs) throws SQLException {
            long id = rs.getLong(1);
            long rowSeq = rs.getLong(8);
            if (rowSeq > headSeq && firstBeyondHead == null) {
                firstBeyondHead = id;
            }
            if (found != null) {
                return;
            }
            checked++;
            if (rowSeq != seq + 1) {
                found = new Break(id, rowSeq, BreakKind.SEQUENCE_GAP, "expected place " + (seq + 1) + ", found " + rowSeq);
                return;
            }
            String prev = rs.getString(9);
            if (!previous.equals(prev)) {
                found = new Break(id, rowSeq, BreakKind.BROKEN_LINK, "does not follow the hash of the entry before");
                return;
            }
            String hash = rs.getString(10);
            String recomputed = AuditChain.hash(new AuditChain.Content(rowSeq, rs.getTimestamp(2).toInstant(),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), prev));
            if (!recomputed.equals(hash)) {
                found = new Break(id, rowSeq, BreakKind.ALTERED, "its content no longer gives its hash");
                return;
            }
            seq = rowSeq;
            previous = hash;
            lastId = id;
            if (rowSeq == anchorSeq) {
                anchored = hash;
            }
        }
    }
}
