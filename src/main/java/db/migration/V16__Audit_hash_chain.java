package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.imrflow.audit.AuditChain;

/**
 * The audit log becomes a hash chain (docs/audit.md): every entry gets its place ({@code seq}), the hash of the
 * entry before it and its own hash, and {@code audit_chain_head} holds the last place and hash, which every writer
 * locks to append. The entries written before are chained here in the order they were written, by the same code
 * that chains new entries ({@link AuditChain}), with the append-only trigger set aside for the purpose.
 */
public class V16__Audit_hash_chain extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table audit_event add column seq bigint");
            ddl.execute("alter table audit_event add column prev_hash char(64)");
            ddl.execute("alter table audit_event add column hash char(64)");
            ddl.execute("""
                    create table audit_chain_head (
                        id   smallint primary key check (id = 1),
                        seq  bigint   not null,
                        hash char(64) not null)""");
            ddl.execute("alter table audit_event disable trigger audit_event_no_update");
        }
        long seq = 0;
        String previous = AuditChain.GENESIS;
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("""
                     select id, occurred_at, actor, action, case_number, detail, remote_addr from audit_event
                     order by id""");
             PreparedStatement update = connection.prepareStatement(
                     "update audit_event set seq = ?, prev_hash = ?, hash = ? where id = ?")) {
            while (rows.next()) {
                seq++;
                Timestamp at = rows.getTimestamp(2);
                String hash = AuditChain.hash(new AuditChain.Content(seq, at.toInstant(), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), previous));
                update.setLong(1, seq);
                update.setString(2, previous);
                update.setString(3, hash);
                update.setLong(4, rows.getLong(1));
                update.addBatch();
                previous = hash;
            }
            update.executeBatch();
        }
        try (PreparedStatement head = connection.prepareStatement(
                "insert into audit_chain_head (id, seq, hash) values (1, ?, ?)")) {
            head.setLong(1, seq);
            head.setString(2, previous);
            head.executeUpdate();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table audit_event enable trigger audit_event_no_update");
            ddl.execute("alter table audit_event alter column seq set not null");
            ddl.execute("alter table audit_event alter column prev_hash set not null");
            ddl.execute("alter table audit_event alter column hash set not null");
            ddl.execute("create unique index audit_event_seq_idx on audit_event (seq)");
            ddl.execute("create index audit_event_occurred_idx on audit_event (occurred_at)");
        }
    }
}
