package org.imrflow.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imrflow.audit.AuditKind;
import org.imrflow.audit.AuditLog.AuditEntry;
import org.imrflow.deadlines.BusinessCalendar;

/**
 * A case's history as its page reads it: every entry in order, except that the views of medical content by one
 * person of one kind on one day are one row ("Case file viewed 4 times by reviewer on 12/02/2026") where the
 * first of them happened, so that the views do not bury what was done.
 */
record CaseHistory(List<Row> rows) {

    /** How many distinct details a grouped row keeps (which documents were opened). */
    static final int DETAILS_KEPT = 10;

    /**
     * A row: one entry ({@code count} 1), or the {@code count} views grouped, from {@code occurredAt} to
     * {@code lastAt}, with their distinct details.
     */
    record Row(Instant occurredAt, Instant lastAt, String actor, String action, List<String> details, int count) {

        public boolean grouped() {
            return count > 1;
        }

        public LocalDate day() {
            return occurredAt.atZone(BusinessCalendar.CALIFORNIA).toLocalDate();
        }
    }

    static CaseHistory of(List<AuditEntry> entries) {
        List<Row> rows = new ArrayList<>();
        Map<ViewKey, Integer> openGroups = new LinkedHashMap<>();
        Map<Integer, Set<String>> details = new LinkedHashMap<>();
        for (AuditEntry e : entries) {
            String detail = e.detail() == null ? "" : e.detail();
            boolean view = AuditKind.of(e.action()).map(AuditKind::isView).orElse(false);
            if (!view) {
                rows.add(new Row(e.occurredAt(), e.occurredAt(), e.actor(), e.action(), List.of(detail), 1));
                continue;
            }
            ViewKey key = new ViewKey(e.actor(), e.action(),
                    e.occurredAt().atZone(BusinessCalendar.CALIFORNIA).toLocalDate());
            Integer at = openGroups.get(key);
            if (at == null) {
                openGroups.put(key, rows.size());
                Set<String> seen = new LinkedHashSet<>();
                seen.add(detail);
                details.put(rows.size(), seen);
                rows.add(new Row(e.occurredAt(), e.occurredAt(), e.actor(), e.action(), List.of(detail), 1));
                continue;
            }
            Row first = rows.get(at);
            Set<String> seen = details.get(at);
            if (seen.size() < DETAILS_KEPT) {
                seen.add(detail);
            }
            rows.set(at, new Row(first.occurredAt(), e.occurredAt(), first.actor(), first.action(),
                    List.copyOf(seen), first.count() + 1));
        }
        return new CaseHistory(List.copyOf(rows));
    }

    private record ViewKey(String actor, String action, LocalDate day) {}
}
