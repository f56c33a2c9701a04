package org.imrflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.imrflow.audit.AuditVerification.BreakKind;
import org.imrflow.audit.AuditVerification.Verification;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Superuser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log's hash chain against the real embedded PostgreSQL, tampered with as its superuser (the append-only
 * trigger set aside, as anyone owning the database could; the application's own role cannot, see
 * {@code DatabasePrivilegesIT}): each kind of tampering is found and named by a verification on the superuser's
 * connection, in a transaction rolled back afterwards so that each test starts from an intact chain.
 */
class AuditChainIT extends ApplicationIT {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerification verification;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditChainMonitor monitor;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Value("${imr.audit.anchor-file:${imr.data-dir}/audit-anchors.log}")
    String anchorFile;

    private TransactionTemplate transactions;
    private Superuser superuser;
    private AuditVerification superuserVerification;

    @BeforeEach
    void someHistory() {
        transactions = new TransactionTemplate(transactionManager);
        superuser = superuser();
        superuserVerification = new AuditVerification(superuser.jdbc());
        for (int i = 0; i < 5; i++) {
            int n = i;
            transactions.executeWithoutResult(s -> {
                audit.recordAs("coordinator", "CASE_CREATED", "CM26-99000" + n, "test entry " + n);
                audit.recordAs("reviewer", "CASE_FILE_OPENED", "CM26-99000" + n, "");
            });
        }
    }

    @Test
    void anUntouchedChainVerifies() {
        Verification result = verification.verify();
        assertThat(result.valid()).as(String.valueOf(result.firstBreak())).isTrue();
        assertThat(result.checked()).isEqualTo(result.headSeq()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void anAlteredRowIsFound() {
        long id = middleId();
        Verification result = tampered("update audit_event set detail = 'nothing happened' where id = " + id);
        assertBreak(result, BreakKind.ALTERED, id);
    }

    @Test
    void anAlteredTimeOrActorIsFound() {
        long id = middleId();
        assertBreak(tampered("update audit_event set actor = 'someone else' where id = " + id), BreakKind.ALTERED, id);
        assertBreak(tampered("update audit_event set occurred_at = occurred_at - interval '1 day' where id = " + id),
                BreakKind.ALTERED, id);
    }

    @Test
    void aRowDeletedInTheMiddleIsFound() {
        long id = middleId();
        long next = jdbc.sql("select id from audit_event where seq = (select seq + 1 from audit_event where id = :id)")
                .param("id", id).query(Long.class).single();
        assertBreak(tampered("delete from audit_event where id = " + id), BreakKind.SEQUENCE_GAP, next);
    }

    @Test
    void theTailDeletedIsFound() {
        long head = jdbc.sql("select seq from audit_chain_head").query(Long.class).single();
        Verification result = tampered("delete from audit_event where seq > " + (head - 3));
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBreak().kind()).isEqualTo(BreakKind.TRUNCATED);
        assertThat(result.firstBreak().seq()).isEqualTo(head - 2);
    }

    @Test
    void aForgedRowIsFoundInTheMiddleAndAfterTheHead() {
        long id = middleId();
        long seq = jdbc.sql("select seq from audit_event where id = :id").param("id", id).query(Long.class).single();
        // a forged row with a valid hash of its own, squeezed in at a place already taken
        Verification squeezed = tampered("drop index audit_event_seq_idx",
                forgedInsert(seq, jdbc.sql("select prev_hash from audit_event where id = :id").param("id", id)
                        .query(String.class).single()));
        assertThat(squeezed.valid()).isFalse();
        assertThat(squeezed.firstBreak().kind()).isIn(BreakKind.SEQUENCE_GAP, BreakKind.BROKEN_LINK);

        // a forged row appended with a correct hash, but without moving the chain's head
        long head = jdbc.sql("select seq from audit_chain_head").query(Long.class).single();
        String headHash = jdbc.sql("select hash from audit_chain_head").query(String.class).single();
        Verification appended = tampered(forgedInsert(head + 1, headHash));
        assertThat(appended.valid()).isFalse();
        assertThat(appended.firstBreak().kind()).isEqualTo(BreakKind.BEYOND_HEAD);
    }

    @Test
    void twoRowsReorderedAreFound() {
        long id = middleId();
        long seq = jdbc.sql("select seq from audit_event where id = :id").param("id", id).query(Long.class).single();
        Verification result = tampered("drop index audit_event_seq_idx",
                "update audit_event set seq = -1 where seq = " + seq,
                "update audit_event set seq = " + seq + " where seq = " + (seq + 1),
                "update audit_event set seq = " + (seq + 1) + " where seq = -1");
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBreak().seq()).isEqualTo(seq);
        assertThat(result.firstBreak().kind()).isEqualTo(BreakKind.BROKEN_LINK);
    }

    @Test
    void concurrentWritersLeaveAChainThatVerifies() throws Exception {
        long before = jdbc.sql("select seq from audit_chain_head").query(Long.class).single();
        AtomicLong written = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        ExecutorService writers = Executors.newFixedThreadPool(16);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int writer = t;
            running.add(writers.submit(() -> {
                while (System.nanoTime() < until) {
                    transactions.executeWithoutResult(s -> {
                        audit.recordAs("writer" + writer, "CASE_FILE_OPENED", "CM26-98" + writer, "");
                        audit.recordAs("writer" + writer, "TASK_CLAIMED", "CM26-98" + writer, "");
                    });
                    written.addAndGet(2);
                }
            }));
        }
        for (Future<?> writer : running) {
            writer.get();
        }
        writers.shutdown();
        Verification result = verification.verify();
        assertThat(result.valid()).as(String.valueOf(result.firstBreak())).isTrue();
        assertThat(result.headSeq() - before).isEqualTo(written.get());
    }

    @Test
    void auditorsAndAdministratorsVerifyThroughTheApiAndNoOneElse() {
        assertThat(as("auditor").get("/api/admin/audit/verify").json().path("valid").asBoolean()).isTrue();
        assertThat(as("admin").get("/api/admin/audit/verify").status()).isEqualTo(200);
        assertThat(as("coordinator").get("/api/admin/audit/verify").status()).isEqualTo(403);
        assertThat(as("reviewer").get("/api/admin/audit/verify").status()).isEqualTo(403);
    }

    @Test
    void aTailRewrittenWithTheHeadIsFoundByTheAnchorOutsideTheDatabase() {
        assertThat(monitor.check().valid()).isTrue();
        AuditVerification.Anchor anchor = monitor.lastAnchor();
        assertThat(anchor).isNotNull();
        assertThat(monitor.health().getStatus().getCode()).isEqualTo("UP");
        long cut = anchor.seq() - 2;
        String cutHash = verification.hashAt(cut);
        AuditChainMonitor superuserMonitor = new AuditChainMonitor(superuserVerification, null, anchorFile, java.time.Duration.ofHours(1));
        AuditVerification.Verification result = superuser.transactions().execute(status -> {
            superuser.jdbc().sql("alter table audit_event disable trigger audit_event_no_update").update();
            superuser.jdbc().sql("delete from audit_event where seq > " + cut).update();
            superuser.jdbc().sql("update audit_chain_head set seq = " + cut + ", hash = '" + cutHash + "'").update();
            assertThat(superuserVerification.verify().valid()).as("without the anchor the cut chain looks whole").isTrue();
            AuditVerification.Verification checked = superuserMonitor.check();
            status.setRollbackOnly();
            return checked;
        });
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBreak().kind()).isEqualTo(BreakKind.ANCHOR_MISMATCH);
        assertThat(superuserMonitor.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(monitor.check().valid()).isTrue();
        assertThat(monitor.health().getStatus().getCode()).isEqualTo("UP");
    }

    private String forgedInsert(long seq, String previousHash) {
        Instant at = AuditChain.stored(Instant.now());
        String hash = AuditChain.hash(new AuditChain.Content(seq, at, "forger", "CASE_CREATED", null, "forged", null,
                previousHash));
        return "insert into audit_event (occurred_at, actor, action, detail, seq, prev_hash, hash) values ('"
                + Timestamp.from(at) + "', 'forger', 'CASE_CREATED', 'forged', " + seq + ", '" + previousHash
                + "', '" + hash + "')";
    }

    private long middleId() {
        return jdbc.sql("select id from audit_event where seq = (select seq / 2 from audit_chain_head)")
                .query(Long.class).single();
    }

    /** The verification of the chain after the statements, as the superuser, all rolled back. */
    private Verification tampered(String... statements) {
        return superuser.transactions().execute(status -> {
            superuser.jdbc().sql("alter table audit_event disable trigger audit_event_no_update").update();
            for (String statement : statements) {
                superuser.jdbc().sql(statement).update();
            }
            Verification result = superuserVerification.verify();
            status.setRollbackOnly();
            return result;
        });
    }

    private static void assertBreak(Verification result, BreakKind kind, long entryId) {
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBreak().kind()).isEqualTo(kind);
        assertThat(result.firstBreak().entryId()).isEqualTo(entryId);
    }
}
