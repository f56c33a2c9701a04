package org.imrflow.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
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
     * The page is found from the case the search names (keyset paging, {@link CaseSearch}): the cases just after or
     * just before it in the sort order, never by skipping rows, so that every page costs what the first does.
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
                return new Page(List.of(), 0, false, false);
            }
            where.append(" and case_id in (:ids)");
            params.put("ids", onlyIds.get());
        }
        if (search.due() != null) {
            // said again in a form the indexes serve: a next deadline exists only for a case with an open clock
            // (case_open_deadline), and a clock's open deadline only where the clock has a due date
            if (search.clock() == null) {
                where.append(" and ").append(search.due() == CaseSearch.DueState.NONE ? NO_OPEN_DEADLINE : OPEN_DEADLINE);
            } else if (search.due() != CaseSearch.DueState.NONE) {
                where.append(" and ").append(column(search.clock())).append("_due_at is not null");
            }
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
        // counted no further than one past CasePage.COUNTED: a year of cases is not counted at every page
        long total = jdbc.sql("select count(*) from (select 1 from case_overview" + where + " limit :counted) found")
                .params(params).param("counted", CasePage.COUNTED + 1).query(Long.class).single();
        // a search, an open stage, a deadline filter or a reviewer's own cases find few cases: found first, then
        // sorted; otherwise PostgreSQL may walk the whole sort order looking for them (they cluster: a case number
        // prefix, the open cases at the end)
        boolean few = !search.text().isEmpty() || (search.stage() != null && !search.stage().closed())
                || search.due() != null || onlyIds.isPresent();
        Keyset keyset = new Keyset(Order.of(search.sort()), where.toString(), params, search.size(), few);
        if (search.last()) {
            List<CaseOverview> rows = keyset.backward(null);
            return new Page(rows, total, keyset.more, false);
        }
        Long from = search.after() != null ? search.after() : search.before();
        Optional<Boundary> boundary = from == null ? Optional.empty() : keyset.boundary(from);
        if (search.before() != null && boundary.isPresent()) {
            // back at the start, the page may hold fewer cases than a page does: the pages never overlap
            List<CaseOverview> rows = keyset.backward(boundary.get());
            return new Page(rows, total, keyset.more, true);
        }
        // the first page, or the page after a case (a case that is gone: the first page)
        List<CaseOverview> rows = keyset.forward(boundary.orElse(null));
        return new Page(rows, total, boundary.isPresent(), keyset.more);
    }

    /**
     * Whether the case has a clock other than FILING still open: whether it has a next deadline. The open clocks
     * are few (those of the open cases): PostgreSQL hashes their cases once and looks each case up there.
     */
    private static final String OPEN_DEADLINE = "case_id in (select case_id from case_open_deadline)";
    private static final String NO_OPEN_DEADLINE = "case_id not in (select case_id from case_open_deadline)";

    /**
     * A sort order: by {@code key} (null: by the tie-breaker alone), cases whose key is null after the others (the
     * nulls segment), and among equal keys by {@code tie}, which is unique; {@code keyed} and {@code unkeyed} say
     * which cases have a key, in terms the indexes serve.
     */
    private record Order(String key, boolean descending, String tie, String keyed, String unkeyed) {

        static Order of(CaseSearch.Sort sort) {
            return switch (sort) {
                case DUE -> new Order("next_due_at", false, "case_number", OPEN_DEADLINE, NO_OPEN_DEADLINE);
                case RECEIVED -> new Order("received_date", true, "case_id", "received_date is not null",
                        "received_date is null");
                case CASE_NUMBER -> new Order(null, false, "case_number", "true", "false");
                default -> {
                    String key = column(sort.clock()) + "_due_at";
                    yield new Order(key, false, "case_number", key + " is not null", key + " is null");
                }
            };
        }
    }

    /** Where the page starts: the sort key and tie-breaker of the case it is found from. */
    private record Boundary(Object key, Object tie) {}

    /** The queries of one search, a segment of the order at a time. */
    private final class Keyset {

        private final Order order;
        private final String where;
        private final Map<String, Object> params;
        private final int size;
        private final boolean few;
        /** Whether the last fetch found more cases than the page holds, in its direction. */
        boolean more;

        Keyset(Order order, String where, Map<String, Object> params, int size, boolean few) {
            this.order = order;
            this.where = where;
            this.params = params;
            this.size = size;
            this.few = few;
        }

        Optional<Boundary> boundary(long caseId) {
            return jdbc.sql("select " + (order.key() == null ? "null" : order.key()) + ", " + order.tie()
                            + " from case_overview where case_id = :id")
                    .param("id", caseId)
                    .query((rs, i) -> new Boundary(rs.getObject(1), rs.getObject(2))).optional();
        }

        /** The page after {@code from} (null: from the start), in the order. */
        List<CaseOverview> forward(Boundary from) {
            boolean inNulls = from != null && order.key() != null && from.key() == null;
            List<CaseOverview> rows = new ArrayList<>();
            if (!inNulls) {
                rows.addAll(fetch(true, from, true, size + 1));
            }
            if (order.key() != null && rows.size() <= size) {
                rows.addAll(fetch(false, inNulls ? from : null, true, size + 1 - rows.size()));
            }
            return page(rows, false);
        }

        /** The page before {@code from} (null: from the end), in the order. */
        List<CaseOverview> backward(Boundary from) {
            boolean inKeyed = from != null && (order.key() == null || from.key() != null);
            List<CaseOverview> rows = new ArrayList<>();
            if (order.key() != null && !inKeyed) {
                rows.addAll(fetch(false, from, false, size + 1));
            }
            if (rows.size() <= size) {
                rows.addAll(fetch(true, inKeyed ? from : null, false, size + 1 - rows.size()));
            }
            return page(rows, true);
        }

        private List<CaseOverview> page(List<CaseOverview> rows, boolean reversed) {
            more = rows.size() > size;
            List<CaseOverview> page = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
            if (reversed) {
                Collections.reverse(page);
            }
            return page;
        }

        /** Up to {@code limit} cases of a segment, from {@code from} on (exclusive) in the direction. */
        private List<CaseOverview> fetch(boolean keyedSegment, Boundary from, boolean forward, int limit) {
            boolean ascending = forward != order.descending();
            String direction = ascending ? " asc" : " desc";
            String compare = ascending ? " > " : " < ";
            boolean byKey = keyedSegment && order.key() != null;
            String found = " from case_overview" + where + " and " + (keyedSegment ? order.keyed() : order.unkeyed());
            Map<String, Object> all = new HashMap<>(params);
            if (from != null) {
                found += byKey ? " and (" + order.key() + ", " + order.tie() + ")" + compare + "(:fromKey, :fromTie)"
                        : " and " + order.tie() + compare + ":fromTie";
                all.put("fromTie", from.tie());
                if (byKey) {
                    all.put("fromKey", from.key());
                }
            }
            String orderBy = " order by " + (byKey ? order.key() + direction + ", " : "") + order.tie() + direction;
            all.put("limit", limit);
            String sql;
            if (few) {
                // the cases found in a subquery planned on its own (offset 0), reading only what sorts them; the
                // page's cases sorted and cut, then read whole
                String keys = "case_id" + (byKey ? ", " + order.key() : "")
                        + ("case_id".equals(order.tie()) ? "" : ", " + order.tie());
                sql = "select " + COLUMNS + " from case_overview where case_id in (select case_id from (select " + keys
                        + found + " offset 0) found" + orderBy + " limit :limit)" + orderBy;
            } else {
                sql = "select " + COLUMNS + found + orderBy + " limit :limit";
            }
            return jdbc.sql(sql).params(all).query(CaseOverviewRepository::overview).list();
        }
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

    /** A page of cases, how many the search finds in all, and whether there are cases before and after it. */
    record Page(List<CaseOverview> cases, long total, boolean hasPrevious, boolean hasNext) {}
}
