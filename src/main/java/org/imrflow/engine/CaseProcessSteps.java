package org.imrflow.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.imrflow.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only log of the steps of each case's processes (table {@code case_process_step}): a track started,
 * a case entered an element (its job was delivered for the first time, or it began to wait for a message), and
 * left it (completed by a person or a worker, ended by a message, or left without completing: a timer, a withdrawn
 * reviewer, a new start of the track). Only the ledger writes it, in the transaction of the ledger's own change, with
 * the track's ledger row locked: so each step is recorded exactly once, however often the engine delivers a job.
 */
@Repository
class CaseProcessSteps {

    enum Event { STARTED, ENTERED, COMPLETED, MESSAGE, LEFT }

    private final JdbcClient jdbc;

    CaseProcessSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A process started on the track: whatever the track's earlier process stood at, it left. */
    void started(CaseRef ref, String track, String processId) {
        leaveOpen(ref, track, processId, null);
        append(ref, track, processId, null, Event.STARTED, null);
    }

    /**
     * The track is at {@code elementId}: recorded once, so a job delivered again (after a rebuild, or at its timeout)
     * adds nothing. An element the track was at before and did not complete is left.
     */
    void entered(CaseRef ref, String track, String processId, String elementId) {
        Optional<Step> open = open(ref, track);
        if (open.isPresent() && elementId.equals(open.get().elementId())) {
            return;
        }
        leaveOpen(ref, track, processId, elementId);
        append(ref, track, processId, elementId, Event.ENTERED, null);
    }

    /** The track's element completed, by the current actor: a user, or {@code system} for a worker. */
    void completed(CaseRef ref, String track, String processId, String elementId, Event how) {
        append(ref, track, processId, elementId, how, AuditLog.currentActor());
    }

    /** The steps of a track, in the order they happened. */
    List<Step> of(long caseId, String track) {
        return jdbc.sql("""
                select process_id, element_id, event, occurred_at, actor from case_process_step
                where case_id = :case and track = :track order by id""")
                .param("case", caseId).param("track", track)
                .query((rs, i) -> new Step(rs.getString(1), rs.getString(2), Event.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    /** The element the track entered and has not left yet, if any. */
    private Optional<Step> open(CaseRef ref, String track) {
        return jdbc.sql("""
                select process_id, element_id, event, occurred_at, actor from case_process_step
                where case_id = :case and track = :track order by id desc limit 1""")
                .param("case", ref.caseId()).param("track", track)
                .query((rs, i) -> new Step(rs.getString(1), rs.getString(2), Event.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional()
                .filter(step -> step.event() == Event.ENTERED);
    }

    private void leaveOpen(CaseRef ref, String track, String processId, String except) {
        Optional<Step> open = open(ref, track);
        if (open.isPresent() && !open.get().elementId().equals(except)) {
            append(ref, track, open.get().processId(), open.get().elementId(), Event.LEFT, AuditLog.currentActor());
        }
    }

    private void append(CaseRef ref, String track, String processId, String elementId, Event event, String actor) {
        jdbc.sql("""
                insert into case_process_step (case_id, track, process_id, element_id, event, occurred_at, actor)
                values (:case, :track, :process, :element, :event, :at, :actor)""")
                .param("case", ref.caseId()).param("track", track).param("process", processId)
                .param("element", elementId).param("event", event.name())
                .param("at", Timestamp.from(Instant.now()))
                .param("actor", actor == null ? null : actor.length() <= 64 ? actor : actor.substring(0, 64))
                .update();
    }

    /** One recorded step. */
    record Step(String processId, String elementId, Event event, Instant occurredAt, String actor) {}
}
