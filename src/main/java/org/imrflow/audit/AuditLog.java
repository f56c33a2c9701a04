package org.imrflow.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
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

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String action, String caseNumber, String detail) {
        recordAs(currentActor(), action, caseNumber, detail);
    }

    public void recordAs(String actor, String action, String caseNumber, String detail) {
        jdbc.sql("""
                insert into audit_event (actor, action, case_number, detail, remote_addr)
                values (:actor, :action, :case, :detail, :addr)""")
                .param("actor", actor.length() <= 64 ? actor : actor.substring(0, 64)).param("action", action).param("case", caseNumber)
                .param("detail", detail == null ? "" : abbreviate(detail)).param("addr", remoteAddress())
                .update();
    }

    /** The history of one case, oldest first. */
    public List<AuditEntry> historyOf(String caseNumber) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, case_number, detail, remote_addr from audit_event
                where case_number = :case order by id""")
                .param("case", caseNumber).query(AuditLog::entry).list();
    }

    /** The newest entries across all cases, newest first. */
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, case_number, detail, remote_addr from audit_event
                order by id desc limit :limit""")
                .param("limit", limit).query(AuditLog::entry).list();
    }

    private static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
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
