package org.imrflow.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each process of each case stands, kept in PostgreSQL so that the engine can be rebuilt from it.
 *
 * <p>A case has one process instance per <em>track</em>: the case's own ({@link CaseProcess#CASE_TRACK}) and
 * one per running statutory clock. Every job (automated step or human task) passes through here: activation
 * moves the track to the job's element; completion records the variables the element completed with, in the
 * same transaction as the domain change it made. If the engine is lost between that commit and the engine's
 * acknowledgement, the rebuilt engine delivers the job again, and {@link #activated} hands back the recorded
 * result instead of letting the work run twice. A message that ended a wait is recorded the same way
 * ({@link #correlated}) and published again by the rebuild.
 *
 * <p>Every move is also appended to the track's steps ({@link CaseProcessSteps}) in the same transaction: where a
 * case has been, since when, and who completed each step. The ledger says where a case is; the steps say how it
 * got there.
 */
@Repository
public class CaseProcessLedger {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final String COLUMNS = """
            case_id, case_number, track, process_id, element_id, element_state, result, variables, message_name,
            message_key""";
    /** An open track with no instance confirmed in the engine lifetime {@code :lifetime} and none being created. */
    private static final String WITHOUT_INSTANCE = """
            p.ended_at is null
            and (p.process_instance_key is null or p.engine_lifetime is distinct from :lifetime)
            and not exists (select 1 from engine_command c where c.case_id = p.case_id and c.track = p.track
                            and c.kind = 'CREATE' and c.confirmed_at is null and c.engine_lifetime = :lifetime)""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final CaseProcessSteps steps;
    private final ProcessModels models;

    CaseProcessLedger(JdbcClient jdbc, ObjectMapper json, CaseProcessSteps steps, ProcessModels models) {
        this.jdbc = jdbc;
        this.json = json;
        this.steps = steps;
        this.models = models;
    }

    /**
     * A process instance about to start on this track, from its start event: a new track, or one started anew
     * (a clock whose due date changed). Its variables must hold {@code caseNumber} and {@code track}.
     */
    void register(CaseRef ref, String track, String processId, Map<String, Object> variables) {
        jdbc.sql("""
                insert into case_process (case_id, case_number, track, process_id, element_state, variables)
                values (:id, :number, :track, :process, 'STARTING', cast(:vars as jsonb))
                on conflict (case_id, track) do update set process_id = excluded.process_id, element_id = null,
                    element_state = 'STARTING', result = null, variables = excluded.variables, message_name = null,
                    message_key = null, ended_at = null, process_instance_key = null, engine_lifetime = null,
                    updated_at = now()""")
                .param("id", ref.caseId()).param("number", ref.caseNumber()).param("track", track)
                .param("process", processId).param("vars", write(variables))
                .update();
        steps.started(ref, track, processId);
    }

    public Optional<CaseRef> find(String caseNumber) {
        return jdbc.sql("select case_id, case_number from case_process where case_number = :n limit 1")
                .param("n", caseNumber)
                .query((rs, i) -> new CaseRef(rs.getLong(1), rs.getString(2))).optional();
    }

    /**
     * A job for {@code elementId} was delivered. Returns the recorded result if this element already completed
     * in PostgreSQL (a re-delivery after the engine was rebuilt), otherwise records that the track is there.
     */
    public Optional<Map<String, Object>> activated(CaseRef ref, String track, String elementId) {
        Position position = position(ref.caseId(), track);
        if (elementId.equals(position.elementId()) && "DONE".equals(position.state())) {
            return Optional.of(position.result());
        }
        movedBefore(ref, track, elementId);
        return Optional.empty();
    }

    /**
     * The track stands before {@code elementId}: its job was delivered, or a change outside any job sent the process
     * there (a withdrawn reviewer sends the case back to the ranking). A rebuild starts the track there.
     */
    public void movedBefore(CaseRef ref, String track, String elementId) {
        Optional<Position> position = find(ref.caseId(), track);
        if (position.isEmpty()) {
            return;
        }
        steps.entered(ref, track, position.get().processId(), elementId);
        jdbc.sql("""
                update case_process set element_id = :element, element_state = 'ACTIVE', result = null,
                       message_name = null, message_key = null, updated_at = now()
                where case_id = :id and track = :track""")
                .param("element", elementId).param("id", ref.caseId()).param("track", track).update();
    }

    /** The element completed with {@code result}; call it in the transaction of the work it records. */
    public void completed(CaseRef ref, String track, String elementId, Map<String, Object> result) {
        String processId = done(ref, track, elementId, result, null, null);
        steps.completed(ref, track, processId, elementId, CaseProcessSteps.Event.COMPLETED);
        enterWaitAfter(ref, track, processId, elementId);
    }

    /**
     * The wait at {@code elementId} ends with a message (published after commit by {@link CaseMessages}); a
     * rebuild starts the track before the element and publishes the message again.
     */
    void correlated(CaseRef ref, String track, String elementId, String messageName, String messageKey,
                    Map<String, Object> variables) {
        String processId = done(ref, track, elementId, variables, messageName, messageKey);
        steps.completed(ref, track, processId, elementId, CaseProcessSteps.Event.MESSAGE);
        enterWaitAfter(ref, track, processId, elementId);
    }

    /** A step followed by a wait for a message (the records, the panel's reviews): the track waits there now. */
    private void enterWaitAfter(CaseRef ref, String track, String processId, String elementId) {
        models.model(processId).flatMap(m -> m.waitAfter(elementId))
                .ifPresent(wait -> steps.entered(ref, track, processId, wait));
    }

    /**
     * The engine confirmed the creation of the track's process instance {@code key}: from now on it is the one that
     * works for the track, and a job of any other instance of the track does nothing ({@link CaseJobs}).
     */
    void started(CaseRef ref, String track, long key, EngineLifetime lifetime) {
        jdbc.sql("""
                update case_process set process_instance_key = :key, engine_lifetime = :lifetime, updated_at = now()
                where case_id = :id and track = :track""")
                .param("key", key).param("lifetime", lifetime.id()).param("id", ref.caseId()).param("track", track)
                .update();
    }

    /** The rebuild's {@link #started}, many tracks in one statement. */
    void startedAll(List<Started> tracks, EngineLifetime lifetime) {
        if (tracks.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = tracks.stream()
                .map(t -> Map.<String, Object>of("case_id", t.ref().caseId(), "track", t.track(), "key", t.key()))
                .toList();
        String json;
        try {
            json = this.json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("""
                update case_process p set process_instance_key = v.key, engine_lifetime = :lifetime, updated_at = now()
                from jsonb_to_recordset(cast(:rows as jsonb)) as v(case_id bigint, track varchar, key bigint)
                where p.case_id = v.case_id and p.track = v.track""")
                .param("rows", json).param("lifetime", lifetime.id()).update();
    }

    /** A track whose process instance {@code key} the engine confirmed. */
    record Started(CaseRef ref, String track, long key) {}

    /**
     * The instance that works for the track: its key if its creation was confirmed in {@code lifetime}, empty if
     * none was (yet).
     */
    Optional<Long> instanceOf(CaseRef ref, String track, EngineLifetime lifetime) {
        return jdbc.sql("""
                select process_instance_key from case_process
                where case_id = :id and track = :track and engine_lifetime = :lifetime""")
                .param("id", ref.caseId()).param("track", track).param("lifetime", lifetime.id())
                .query(Long.class).optional();
    }

    /** Whose job it is: the track's own instance's, another instance's, or not yet known. */
    enum Claim { OURS, STRAY, STARTING }

    /**
     * Whether process instance {@code key} is the one that works for the track. A track whose creation the engine has
     * not confirmed yet makes every job wait; a track with no instance recorded and none being created (its process
     * was started before the outbox existed) takes the first instance whose job arrives.
     */
    Claim claim(CaseRef ref, String track, long key, EngineLifetime lifetime) {
        Optional<Long> current = instanceOf(ref, track, lifetime);
        if (current.isEmpty()) {
            jdbc.sql("""
                    update case_process p set process_instance_key = :key, engine_lifetime = :lifetime
                    where p.case_id = :id and p.track = :track
                      and (p.process_instance_key is null or p.engine_lifetime is distinct from :lifetime)
                      and not exists (select 1 from engine_command c where c.case_id = p.case_id and c.track = p.track
                                      and c.kind = 'CREATE' and c.confirmed_at is null
                                      and c.engine_lifetime = :lifetime)""")
                    .param("key", key).param("lifetime", lifetime.id()).param("id", ref.caseId()).param("track", track)
                    .update();
            current = instanceOf(ref, track, lifetime);
        }
        if (current.isPresent()) {
            return current.get() == key ? Claim.OURS : Claim.STRAY;
        }
        boolean creating = jdbc.sql("""
                select exists (select 1 from engine_command where case_id = :id and track = :track and kind = 'CREATE'
                               and confirmed_at is null and engine_lifetime = :lifetime)""")
                .param("id", ref.caseId()).param("track", track).param("lifetime", lifetime.id())
                .query(Boolean.class).single();
        return creating ? Claim.STARTING : Claim.OURS;
    }

    /**
     * Open tracks that wait for a process nobody is starting: no instance confirmed in {@code lifetime}, no creation
     * waiting in the outbox, unchanged for {@code grace} (the sweep).
     */
    List<Position> withoutInstance(EngineLifetime lifetime, Duration grace) {
        return jdbc.sql("select " + COLUMNS + " from case_process p where " + WITHOUT_INSTANCE
                        + " and p.updated_at < now() - cast(:grace as interval) order by p.case_id, p.track")
                .param("lifetime", lifetime.id()).param("grace", grace.toMillis() + " milliseconds")
                .query(this::position).list();
    }

    /** Locks the track if it still waits for a process nobody is starting; false if it does not any more. */
    boolean lockWithoutInstance(CaseRef ref, String track, EngineLifetime lifetime) {
        return jdbc.sql("select 1 from case_process p where p.case_id = :id and p.track = :track and "
                        + WITHOUT_INSTANCE + " for update")
                .param("id", ref.caseId()).param("track", track).param("lifetime", lifetime.id())
                .query(Integer.class).optional().isPresent();
    }

    /** Whether the track is done with one of these elements and not yet at another: it waits after it. */
    public boolean waitsAfter(CaseRef ref, String track, Set<String> elementIds) {
        Position position = position(ref.caseId(), track);
        return "DONE".equals(position.state()) && elementIds.contains(position.elementId());
    }

    /** Variables that changed outside a job (a new due date): a rebuild starts the track with them. */
    public void putVariables(CaseRef ref, String track, Map<String, Object> changed) {
        Position position = position(ref.caseId(), track);
        Map<String, Object> variables = new LinkedHashMap<>(position.variables());
        variables.putAll(changed);
        jdbc.sql("update case_process set variables = cast(:vars as jsonb), updated_at = now() where case_id = :id and track = :track")
                .param("vars", write(variables)).param("id", ref.caseId()).param("track", track).update();
    }

    /** The case is closed: none of its processes is rebuilt any more. */
    public void ended(long caseId) {
        jdbc.sql("update case_process set ended_at = now(), updated_at = now() where case_id = :id and ended_at is null")
                .param("id", caseId).update();
    }

    /** This track's process has reached an end, or was stopped: it is not rebuilt any more. */
    public void ended(CaseRef ref, String track) {
        jdbc.sql("""
                update case_process set ended_at = now(), updated_at = now()
                where case_id = :id and track = :track and ended_at is null""")
                .param("id", ref.caseId()).param("track", track).update();
    }

    /** Every process of every case that has not ended, with where it stands. */
    List<Position> openPositions() {
        return jdbc.sql("select " + COLUMNS + " from case_process where ended_at is null order by case_id, track")
                .query(this::position).list();
    }

    /** Records the element done with its result; returns the track's process id. */
    private String done(CaseRef ref, String track, String elementId, Map<String, Object> result, String messageName,
                        String messageKey) {
        Position position = position(ref.caseId(), track);
        Map<String, Object> variables = new LinkedHashMap<>(position.variables());
        variables.putAll(result);
        jdbc.sql("""
                update case_process set element_id = :element, element_state = 'DONE', result = cast(:result as jsonb),
                       variables = cast(:vars as jsonb), message_name = :message, message_key = :key, updated_at = now()
                where case_id = :id and track = :track""")
                .param("element", elementId).param("result", write(result)).param("vars", write(variables))
                .param("message", messageName).param("key", messageKey)
                .param("id", ref.caseId()).param("track", track).update();
        return position.processId();
    }

    private Position position(long caseId, String track) {
        return find(caseId, track)
                .orElseThrow(() -> new IllegalStateException("No process of case " + caseId + " on track " + track));
    }

    /** Where a track stands, its row locked until the transaction ends. */
    private Optional<Position> find(long caseId, String track) {
        return jdbc.sql("select " + COLUMNS + " from case_process where case_id = :id and track = :track for update")
                .param("id", caseId).param("track", track)
                .query(this::position)
                .optional();
    }

    private Position position(ResultSet rs, int row) throws SQLException {
        return new Position(new CaseRef(rs.getLong(1), rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), read(rs.getString(7)), read(rs.getString(8)), rs.getString(9),
                rs.getString(10));
    }

    private String write(Map<String, Object> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Process variables cannot be written as JSON", e);
        }
    }

    private Map<String, Object> read(String value) {
        if (value == null) {
            return Map.of();
        }
        try {
            return json.readValue(value, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored process variables are not valid JSON", e);
        }
    }

    /** Where a track stands: the element of its current (or last) job, its state there, its variables. */
    record Position(CaseRef ref, String track, String processId, String elementId, String state,
                    Map<String, Object> result, Map<String, Object> variables, String messageName,
                    String messageKey) {}
}
