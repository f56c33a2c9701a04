package org.imrflow.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.imrflow.deadlines.Delivery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record_request table. */
@Repository
class RecordRequests {

    private static final String COLUMNS = """
            case_id, notice_sent_at, notice_delivery, sent_before_import, completed_at, completed_by,
            penalty_referred_at, proceeded_at, held_at""";

    private final JdbcClient jdbc;

    RecordRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long caseId, Instant sentAt, Delivery delivery, boolean beforeTakeOver) {
        jdbc.sql("""
                insert into record_request (case_id, notice_sent_at, notice_delivery, sent_before_import)
                values (:case, :at, :delivery, :before) on conflict (case_id) do nothing""")
                .param("case", caseId).param("at", Timestamp.from(sentAt)).param("delivery", delivery.name())
                .param("before", beforeTakeOver).update();
    }

    Optional<RecordRequest> find(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from record_request where case_id = :case")
                .param("case", caseId).query(RecordRequests::request).optional();
    }

    Optional<RecordRequest> lock(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from record_request where case_id = :case for update")
                .param("case", caseId).query(RecordRequests::request).optional();
    }

    void complete(long caseId, Instant at, String by) {
        jdbc.sql("update record_request set completed_at = :at, completed_by = :by where case_id = :case")
                .param("at", Timestamp.from(at)).param("by", by).param("case", caseId).update();
    }

    void referPenalty(long caseId, Instant at) {
        jdbc.sql("update record_request set penalty_referred_at = :at where case_id = :case and penalty_referred_at is null")
                .param("at", Timestamp.from(at)).param("case", caseId).update();
    }

    void proceed(long caseId, Instant at) {
        jdbc.sql("update record_request set proceeded_at = :at where case_id = :case and proceeded_at is null")
                .param("at", Timestamp.from(at)).param("case", caseId).update();
    }

    void hold(long caseId, Instant at) {
        jdbc.sql("update record_request set held_at = :at where case_id = :case and held_at is null")
                .param("at", Timestamp.from(at)).param("case", caseId).update();
    }

    private static RecordRequest request(ResultSet rs, int row) throws SQLException {
        return new RecordRequest(rs.getLong(1), instant(rs, 2), Delivery.valueOf(rs.getString(3)), rs.getBoolean(4),
                instant(rs, 5), rs.getString(6), instant(rs, 7), instant(rs, 8), instant(rs, 9));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
