package org.imrflow.assignment;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.imrflow.security.Actor;
import org.imrflow.tasks.TaskLogins;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who was asked to review a case, and the anonymity of reviewers: their names are the organization's staff's to
 * know (coordinators, medical directors, administrators). To anyone else (an auditor, another reviewer) a reviewer
 * is "Expert reviewer", numbered in the order the case was offered, wherever the case file would show their login;
 * in the audit log across cases, "Expert reviewer #" and their number on the panel.
 */
@Service
public class CaseReviewers implements TaskLogins {

    static final String PSEUDONYM = "Expert reviewer";

    private final JdbcClient jdbc;

    CaseReviewers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An offer of the case to a reviewer and what became of it, as the actor may see it. */
    public record CaseReviewer(String reviewer, String username, String status, Instant offeredAt,
                               Instant respondedAt, Instant closedAt, String withdrawalReason) {}

    @Transactional(readOnly = true)
    public List<CaseReviewer> of(long caseId, Actor actor) {
        List<Row> rows = rows(caseId);
        Map<String, String> shown = shownNames(rows, actor);
        return rows.stream().map(r -> new CaseReviewer(shown.getOrDefault(r.username(), r.fullName()),
                actor.knowsReviewers() ? r.username() : null, r.status(),
                r.offeredAt(), r.respondedAt(), r.closedAt(), actor.knowsReviewers() ? r.withdrawalReason() : null))
                .toList();
    }

    /**
     * How the actor may see a login in the case's tasks and history: a reviewer's login becomes their pseudonym
     * unless the actor knows reviewers or is that reviewer; any other login is shown as it is.
     */
    @Override
    @Transactional(readOnly = true)
    public UnaryOperator<String> shownTo(long caseId, Actor actor) {
        if (actor.knowsReviewers()) {
            return UnaryOperator.identity();
        }
        Map<String, String> shown = shownNames(rows(caseId), actor);
        return login -> login == null || login.equals(actor.username()) ? login : shown.getOrDefault(login, login);
    }

    /**
     * How the actor may see logins in the audit log across cases: to whoever may not know reviewers, a reviewer's
     * login becomes "Expert reviewer #" and their number on the panel, the same on every case.
     */
    @Transactional(readOnly = true)
    public UnaryOperator<String> shownAcrossCases(Actor actor) {
        if (actor.knowsReviewers()) {
            return UnaryOperator.identity();
        }
        Map<String, String> shown = new HashMap<>();
        jdbc.sql("select username, id from reviewer").query((rs, i) -> shown.put(rs.getString(1),
                PSEUDONYM + " #" + rs.getLong(2))).list();
        return login -> login == null || login.equals(actor.username()) ? login : shown.getOrDefault(login, login);
    }

    /**
     * The login behind a name as {@link #shownAcrossCases} shows it to the actor, for a filter typed that way; empty
     * when the name is a login the actor may not see (so that the filter cannot tell whose it is).
     */
    @Transactional(readOnly = true)
    public Optional<String> loginShownAs(String shown, Actor actor) {
        if (shown == null || actor.knowsReviewers() || shown.equals(actor.username())) {
            return Optional.ofNullable(shown);
        }
        if (shown.startsWith(PSEUDONYM + " #") && shown.substring(PSEUDONYM.length() + 2).strip().matches("\\d{1,18}")) {
            return jdbc.sql("select username from reviewer where id = :id")
                    .param("id", Long.parseLong(shown.substring(PSEUDONYM.length() + 2).strip()))
                    .query(String.class).optional();
        }
        boolean hidden = jdbc.sql("select exists (select 1 from reviewer where username = :login)")
                .param("login", shown).query(Boolean.class).single();
        return hidden ? Optional.empty() : Optional.of(shown);
    }

    private static Map<String, String> shownNames(List<Row> rows, Actor actor) {
        Map<String, String> shown = new HashMap<>();
        for (Row row : rows) {
            if (actor.knowsReviewers()) {
                shown.putIfAbsent(row.username(), row.fullName());
            } else if (!shown.containsKey(row.username())) {
                shown.put(row.username(), row.username().equals(actor.username()) ? row.fullName()
                        : PSEUDONYM + " " + (shown.size() + 1));
            }
        }
        return shown;
    }

    private List<Row> rows(long caseId) {
        return jdbc.sql("""
                select r.username, r.full_name, a.status, a.offered_at, a.responded_at, a.closed_at, a.withdrawal_reason
                from reviewer_assignment a join reviewer r on r.id = a.reviewer_id
                where a.case_id = :case order by a.offered_at, a.id""")
                .param("case", caseId)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                        rs.getString(7)))
                .list();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Row(String username, String fullName, String status, Instant offeredAt, Instant respondedAt,
                       Instant closedAt, String withdrawalReason) {}
}
