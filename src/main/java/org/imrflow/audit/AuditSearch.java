package org.imrflow.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log across cases: a page of entries matching the criteria, newest first, paged by entry id
 * (so a page stays the same while entries are appended), the number matching up to a bound, and every match in
 * order for an export, read with a cursor rather than held in memory.
 */
@Service
public class AuditSearch {

    /** How many rows a cursor fetches at a time. */
    private static final int FETCH = 500;

    /**
     * What to look for; null matches anything. {@code from} inclusive, {@code until} exclusive.
     */
    public record Criteria(String actor, String caseNumber, AuditKind kind, Instant from, Instant until) {

        public Criteria withActor(String login) {
            return new Criteria(login, caseNumber, kind, from, until);
        }
    }

    /**
     * A page of entries, newest first, with whether there are older and newer ones: the ids to page on are the
     * last and the first entry's.
     */
    public record Page(List<AuditLog.AuditEntry> entries, boolean hasOlder, boolean hasNewer) {

        public Long oldestId() {
            return entries.isEmpty() ? null : entries.getLast().id();
        }

        public Long newestId() {
            return entries.isEmpty() ? null : entries.getFirst().id();
        }
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate cursor;

    AuditSearch(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(FETCH);
        this.cursor = new NamedParameterJdbcTemplate(fetching);
    }

    /**
     * The page of {@code size} entries older than {@code before}, or, given {@code after} instead, the page of
     * entries just newer than it; the newest page given neither.
     */
    @Transactional(readOnly = true)
    public Page page(Criteria criteria, Long before, Long after, int size) {
        Where where = where(criteria);
        boolean forward = after != null && before == null;
        Map<String, Object> params = new LinkedHashMap<>(where.params());
        String bound = "";
        if (forward) {
            bound = " and id > :after";
            params.put("after", after);
        } else if (before != null) {
            bound = " and id < :before";
            params.put("before", before);
        }
        List<AuditLog.AuditEntry> rows = new ArrayList<>(jdbc.sql("select " + AuditLog.COLUMNS + " from audit_event"
                        + where.sql() + bound + " order by id " + (forward ? "asc" : "desc") + " limit :limit")
                .params(params).param("limit", size + 1).query(AuditLog::entry).list());
        boolean more = rows.size() > size;
        if (more) {
            rows.removeLast();
        }
        if (forward) {
            Collections.reverse(rows);
        }
        if (rows.isEmpty()) {
            return new Page(rows, !forward && before != null && any(where, "id < :id", before),
                    forward && any(where, "id > :id", after));
        }
        boolean older = forward ? any(where, "id < :id", rows.getLast().id()) : more;
        boolean newer = forward ? more : any(where, "id > :id", rows.getFirst().id());
        return new Page(rows, older, newer);
    }

    /** How many entries match, counting no further than {@code bound}. */
    @Transactional(readOnly = true)
    public long count(Criteria criteria, long bound) {
        Where where = where(criteria);
        return jdbc.sql("select count(*) from (select 1 from audit_event" + where.sql() + " limit :bound) matching")
                .params(where.params()).param("bound", bound).query(Long.class).single();
    }

    /** Hands every matching entry, oldest first, to {@code sink}, reading them with a cursor. */
    @Transactional(readOnly = true)
    public void forEach(Criteria criteria, Consumer<AuditLog.AuditEntry> sink) {
        Where where = where(criteria);
        // an export of a long range is one statement: exempt from the application's statement_timeout
        jdbc.sql("set local statement_timeout = 0").update();
        cursor.query("select " + AuditLog.COLUMNS + " from audit_event" + where.sql() + " order by id",
                where.params(), (RowCallbackHandler) rs -> sink.accept(AuditLog.entry(rs, 0)));
    }

    private boolean any(Where where, String condition, long id) {
        // the nearest entry in id order: PostgreSQL walks an index from the bound (an "exists" let it read the table
        // from its start, where a million older entries lie before the newest)
        String nearest = condition.contains(">") ? " order by id asc" : " order by id desc";
        return !jdbc.sql("select id from audit_event" + where.sql() + " and " + condition + nearest + " limit 1")
                .params(where.params()).param("id", id).query(Long.class).list().isEmpty();
    }

    private static Where where(Criteria c) {
        StringBuilder sql = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (c.actor() != null) {
            sql.append(" and actor = :actor");
            params.put("actor", c.actor());
        }
        if (c.caseNumber() != null) {
            sql.append(" and case_number = :case");
            params.put("case", c.caseNumber());
        }
        if (c.kind() != null) {
            sql.append(" and action = :action");
            params.put("action", c.kind().code());
        }
        if (c.from() != null) {
            sql.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(c.from()));
        }
        if (c.until() != null) {
            sql.append(" and occurred_at < :until");
            params.put("until", Timestamp.from(c.until()));
        }
        return new Where(sql.toString(), params);
    }

    private record Where(String sql, Map<String, Object> params) {}
}
