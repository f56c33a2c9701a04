package org.imrflow.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends audit entries in the caller's transaction, so an entry exists exactly when its change does.
 * Details name what happened, never medical content.
 */
@Service
public class AuditLog {

    /** The actor of work that no person started: workers, the rebuild. */
    public static final String SYSTEM = "system";

    /** The transaction's entries waiting to be chained at its commit. */
    private static final Object PENDING = new Object();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    AuditLog(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public void record(String action, String caseNumber, String detail) {
        recordAs(currentActor(), action, caseNumber, detail);
    }

    /**
     * Records an entry. Inside a transaction it is chained and written just before the commit, so that the chain's
     * head is held for the shortest time and the entry exists exactly when the change does; outside one it is
     * written at once.
     */
    public void recordAs(String actor, String action, String caseNumber, String detail) {
        Pending entry = new Pending(actor.length() <= 64 ? actor : actor.substring(0, 64), action, caseNumber,
                detail == null ? "" : abbreviate(detail), remoteAddress());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            transactions.executeWithoutResult(status -> append(List.of(entry)));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            List<Pending> entries = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(PENDING, entries);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    append(entries);
                    entries.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = entries;
        }
        pending.add(entry);
    }

    /** Appends the entries to the chain: its head is locked until the transaction ends, so writers take turns. */
    private void append(List<Pending> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Head head = jdbc.sql("select seq, hash from audit_chain_head where id = 1 for update")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long seq = head.seq();
        String previous = head.hash();
        Instant now = AuditChain.stored(Instant.now());
        for (Pending e : entries) {
            seq++;
            String hash = AuditChain.hash(new AuditChain.Content(seq, now, e.actor(), e.action(), e.caseNumber(),
                    e.detail(), e.remoteAddress(), previous));
            jdbc.sql("""
                    insert into audit_event (occurred_at, actor, action, case_number, detail, remote_addr, seq,
                        prev_hash, hash)
                    values (:at, :actor, :action, :case, :detail, :addr, :seq, :prev, :hash)""")
                    .param("at", Timestamp.from(now)).param("actor", e.actor()).param("action", e.action())
                    .param("case", e.caseNumber()).param("detail", e.detail()).param("addr", e.remoteAddress())
                    .param("seq", seq).param("prev", previous).param("hash", hash).update();
            previous = hash;
        }
        jdbc.sql("update audit_chain_head set seq = :seq, hash = :hash where id = 1")
                .param("seq", seq).param("hash", previous).update();
    }

    private record Pending(String actor, String action, String caseNumber, String detail, String remoteAddress) {}

    private record Head(long seq, String hash) {}

    static final String COLUMNS = "id, occurred_at, actor, action, case_number, detail, remote_addr";

    /** The history of one case, oldest first. */
    public List<AuditEntry> historyOf(String caseNumber) {
        return jdbc.sql("select " + COLUMNS + " from audit_event where case_number = :case order by id")
                .param("case", caseNumber).query(AuditLog::entry).list();
    }

    static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7));
    }

    /** Who is acting now: the signed-in user, or {@link #SYSTEM} for work that no person started. */
    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    public record AuditEntry(long id, Instant occurredAt, String actor, String action, String caseNumber,
                             String detail, String remoteAddress) {

        /** The same entry with its actor as a reader may see them (a reviewer's login, to whoever may not know it). */
        public AuditEntry withActor(UnaryOperator<String> shown) {
            return new AuditEntry(id, occurredAt, shown.apply(actor), action, caseNumber, detail, remoteAddress);
        }
    }
}
