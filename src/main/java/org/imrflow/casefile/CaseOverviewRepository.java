package org.imrflow.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imrflow.deadlines.ClockKind;
import org.imrflow.deadlines.ReviewType;
import org.imrflow.intake.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the view {@code case_overview} (V4__case_overview.sql), the case file's read model of intake's cases and
 * the deadlines' clocks. It only reads: each module writes its own tables.
 */
@Repository
class CaseOverviewRepository {

    private static final String COLUMNS = """
            case_id, case_number, stage, review_type, received_date, employee_first_name, employee_last_name,
            closed_at, filing_due_at, notice_due_at, records_due_at, determination_from_assignment_due_at,
            determination_from_records_due_at, next_clock, next_due_at, determination_due_at""";

    private final JdbcClient jdbc;

    CaseOverviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of cases; {@code onlyIds}, when present, restricts it to those cases. The deadline filters compare
     * with the application's {@code now} and the day boundaries the caller worked out in the business calendar.
     */
    Page search(CaseSearch search, Optional<List<Long>> onlyIds, DueWindow window) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (!search.text().isEmpty()) {
            where.append(" and (upper(case_number) like :prefix escape '\\'"
                    + " or lower(employee_first_name || ' ' || employee_last_name) like :name escape '\\')");
            params.put("prefix", literal(search.text().toUpperCase()) + "%");
            params.put("name", "%" + literal(search.text().toLowerCase()) + "%");
        }
        if (search.stage() != null) {
            where.append(" and stage = :stage");
            params.put("stage", search.stage().name());
        }
        if (onlyIds.isPresent()) {
            if (onlyIds.get().isEmpty()) {
                return new Page(List.of(), 0);
            }
            where.append(" and case_id in (:ids)");
            params.put("ids", onlyIds.get());
        }
        if (search.due() != null) {
            String due = openDue(search.clock());
            where.append(" and ").append(switch (search.due()) {
                case OVERDUE -> due + " < :now";
                case DUE_TODAY -> due + " >= :now and " + due + " < :tomorrow";
                case DUE_SOON -> due + " >= :now and " + due + " < :soonEnd";
                case OPEN -> due + " is not null";
                case NONE -> due + " is null";
            });
            params.put("now", utc(window.now()));
            params.put("tomorrow", utc(window.tomorrow()));
            params.put("soonEnd", utc(window.soonEnd()));
        }
        String order = switch (search.sort()) {
            case DUE -> " order by next_due_at asc nulls last, case_number";
            case RECEIVED -> " order by received_date desc nulls last, case_id desc";
            case CASE_NUMBER -> " order by case_number";
            default -> " order by " + column(search.sort().clock()) + "_due_at asc nulls last, case_number";
        };
        long total = jdbc.sql("select count(*) from case_overview" + where).params(params).query(Long.class).single();
        List<CaseOverview> cases = jdbc.sql("select " + COLUMNS + " from case_overview" + where + order
                        + " limit :limit offset :offset")
                .params(params).param("limit", search.size()).param("offset", (long) search.page() * search.size())
                .query(CaseOverviewRepository::overview).list();
        return new Page(cases, total);
    }

    /** The open cases, or those of {@code onlyIds} when present. */
    List<CaseOverview> open(Optional<List<Long>> onlyIds) {
        if (onlyIds.isPresent() && onlyIds.get().isEmpty()) {
            return List.of();
        }
        String sql = "select " + COLUMNS + " from case_overview where closed_at is null"
                + (onlyIds.isPresent() ? " and case_id in (:ids)" : "") + " order by case_number";
        var query = jdbc.sql(sql);
        if (onlyIds.isPresent()) {
            query = query.param("ids", onlyIds.get());
        }
        return query.query(CaseOverviewRepository::overview).list();
    }

    /** The due instant of a clock of this kind while it is open (null when met or absent); null: the next one. */
    private static String openDue(ClockKind kind) {
        if (kind == null) {
            return "next_due_at";
        }
        String clock = column(kind);
        return "(case when " + clock + "_met_at is null and " + clock + "_status in ('RUNNING', 'MISSED') then " + clock
                + "_due_at end)";
    }

    /** The view's column prefix of each clock kind. */
    private static String column(ClockKind kind) {
        return switch (kind) {
            case FILING -> "filing";
            case NOTICE_OF_ASSIGNMENT -> "notice";
            case RECORDS -> "records";
            case DETERMINATION_FROM_ASSIGNMENT -> "determination_from_assignment";
            case DETERMINATION_FROM_RECORDS -> "determination_from_records";
        };
    }

    /** Text searched for as it is: LIKE's wildcards and escape character match themselves. */
    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static CaseOverview overview(ResultSet rs, int row) throws SQLException {
        Map<ClockKind, Instant> due = new EnumMap<>(ClockKind.class);
        for (ClockKind kind : ClockKind.values()) {
            Instant at = instant(rs, column(kind) + "_due_at");
            if (at != null) {
                due.put(kind, at);
            }
        }
        String next = rs.getString("next_clock");
        String reviewType = rs.getString("review_type"); // null: an imported letter that does not state it
        return new CaseOverview(rs.getLong("case_id"), rs.getString("case_number"), Stage.valueOf(rs.getString("stage")),
                reviewType == null ? null : ReviewType.valueOf(reviewType), rs.getObject("received_date", LocalDate.class),
                (rs.getString("employee_first_name") + " " + rs.getString("employee_last_name")).strip(),
                instant(rs, "closed_at"), due, next == null ? null : ClockKind.valueOf(next),
                instant(rs, "next_due_at"), instant(rs, "determination_due_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** Now, the start of tomorrow and the end of the third business day after today, in California. */
    record DueWindow(Instant now, Instant tomorrow, Instant soonEnd) {}

    record Page(List<CaseOverview> cases, long total) {}
}
