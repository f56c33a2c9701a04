package org.imrflow.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imrflow.audit.AuditLog;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Automated steps that failed after their last retry. A coordinator sees them on the case and can retry one,
 * which re-runs the failed step from the start (workers are idempotent). Only coordinators retry.
 */
@Service
public class CaseIncidents {

    private final JdbcClient jdbc;
    private final CamundaClient client;
    private final EngineLifetime lifetime;
    private final AuditLog audit;

    CaseIncidents(JdbcClient jdbc, CamundaClient client, EngineLifetime lifetime, AuditLog audit) {
        this.jdbc = jdbc;
        this.client = client;
        this.lifetime = lifetime;
        this.audit = audit;
    }

    @Transactional
    void record(CaseRef ref, String track, ActivatedJob job, String message) {
        jdbc.sql("""
                insert into case_incident (case_id, track, element_id, job_type, message, process_instance_key,
                                           element_instance_key, engine_lifetime)
                values (:case, :track, :element, :type, :message, :pi, :ei, :lifetime)""")
                .param("case", ref.caseId()).param("track", track).param("element", job.getElementId())
                .param("type", job.getType())
                .param("message", abbreviate(message)).param("pi", job.getProcessInstanceKey())
                .param("ei", job.getElementInstanceKey()).param("lifetime", lifetime.id())
                .update();
    }

    /** A step of the case completed: earlier failures of that step are over. */
    void resolveFor(CaseRef ref, String track, String elementId, String by) {
        jdbc.sql("""
                update case_incident set resolved_at = now(), resolved_by = :by
                where case_id = :case and track = :track and element_id = :element and resolved_at is null""")
                .param("by", by).param("case", ref.caseId()).param("track", track).param("element", elementId)
                .update();
    }

    /** After a rebuild the failed steps were started anew, so incidents of earlier engines are over. */
    void resolveFromEarlierEngines() {
        jdbc.sql("""
                update case_incident set resolved_at = now(), resolved_by = 'engine rebuild'
                where resolved_at is null and engine_lifetime <> :lifetime""")
                .param("lifetime", lifetime.id()).update();
    }

    public List<Incident> openFor(long caseId) {
        return jdbc.sql("""
                select id, case_id, element_id, job_type, message, created_at from case_incident
                where case_id = :case and resolved_at is null order by created_at""")
                .param("case", caseId)
                .query((rs, i) -> new Incident(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Every incident of a track of the case, open and resolved, the oldest first. */
    List<RaisedIncident> historyOf(long caseId, String track) {
        return jdbc.sql("""
                select id, element_id, message, created_at, resolved_at, resolved_by from case_incident
                where case_id = :case and track = :track order by created_at, id""")
                .param("case", caseId).param("track", track)
                .query((rs, i) -> new RaisedIncident(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .list();
    }

    public long countOpen() {
        return jdbc.sql("select count(*) from case_incident where resolved_at is null").query(Long.class).single();
    }

    /**
     * Runs the failed step again: the engine terminates the failed element and activates it anew, which
     * resolves the engine's incident. Returns false if the incident is unknown or already resolved.
     */
    @Transactional
    public boolean retry(CaseRef ref, long incidentId, Actor actor) {
        actor.require(Role.COORDINATOR);
        boolean retried = retry(ref.caseId(), incidentId, actor.username());
        if (retried) {
            audit.record("INCIDENT_RETRIED", ref.caseNumber(), "incident " + incidentId);
        }
        return retried;
    }

    private boolean retry(long caseId, long incidentId, String by) {
        var row = jdbc.sql("""
                select element_id, process_instance_key, element_instance_key, engine_lifetime from case_incident
                where id = :id and case_id = :case and resolved_at is null for update""")
                .param("id", incidentId).param("case", caseId)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)})
                .optional();
        if (row.isEmpty()) {
            return false;
        }
        Object[] incident = row.get();
        if (lifetime.issued((String) incident[3])) {
            client.newModifyProcessInstanceCommand((Long) incident[1])
                    .terminateElement((Long) incident[2])
                    .and()
                    .activateElement((String) incident[0])
                    .send().join(CaseProcess.ENGINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        jdbc.sql("update case_incident set resolved_at = now(), resolved_by = :by where id = :id")
                .param("by", by).param("id", incidentId).update();
        return true;
    }

    private static String abbreviate(String message) {
        String text = message == null ? "no message" : message;
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    /** An incident as the path of a case shows it: raised, and resolved or not. */
    record RaisedIncident(long id, String elementId, String message, Instant raisedAt, Instant resolvedAt,
                          String resolvedBy) {}

    public record Incident(long id, long caseId, String elementId, String jobType, String message,
                           Instant createdAt) {}
}
