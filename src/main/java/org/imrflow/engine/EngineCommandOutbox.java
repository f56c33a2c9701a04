package org.imrflow.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code engine_command}: commands to the engine, written in the transaction of the change they follow and
 * kept until the engine confirms them. A case's commands are sent in the order they were written, one sender at a
 * time (a transaction-scoped advisory lock per case).
 */
@Repository
class EngineCommandOutbox {

    /** The advisory lock space of the per-case sender lock. */
    private static final int LOCK_SPACE = 0x1e2c;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    EngineCommandOutbox(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long add(long caseId, Kind kind, String track, Map<String, Object> payload, EngineLifetime lifetime) {
        return jdbc.sql("""
                insert into engine_command (case_id, kind, track, payload, engine_lifetime)
                values (:case, :kind, :track, cast(:payload as jsonb), :lifetime) returning id""")
                .param("case", caseId).param("kind", kind.name()).param("track", track).param("payload", write(payload))
                .param("lifetime", lifetime.id())
                .query(Long.class).single();
    }

    /** Takes the right to send the case's commands until the current transaction ends; false if another sender has it. */
    boolean lockCase(long caseId) {
        return jdbc.sql("select pg_try_advisory_xact_lock(:space, cast(:case % 2147483647 as integer))")
                .param("space", LOCK_SPACE).param("case", caseId).query(Boolean.class).single();
    }

    /** The case's unconfirmed commands for this engine, oldest first. */
    List<Command> pendingOf(long caseId, EngineLifetime lifetime) {
        return jdbc.sql("""
                select id, case_id, kind, track, payload, attempts, next_attempt_at <= now() from engine_command
                where case_id = :case and engine_lifetime = :lifetime and confirmed_at is null order by id""")
                .param("case", caseId).param("lifetime", lifetime.id())
                .query((rs, i) -> new Command(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)),
                        rs.getString(4), read(rs.getString(5)), rs.getInt(6), rs.getBoolean(7)))
                .list();
    }

    /** Cases whose oldest unconfirmed command is due, the longest waiting first. */
    List<Long> casesDue(EngineLifetime lifetime, int limit) {
        return jdbc.sql("""
                select case_id from (
                    select distinct on (case_id) case_id, next_attempt_at from engine_command
                    where confirmed_at is null and engine_lifetime = :lifetime order by case_id, id) heads
                where next_attempt_at <= now() order by next_attempt_at limit :limit""")
                .param("lifetime", lifetime.id()).param("limit", limit)
                .query(Long.class).list();
    }

    void confirmed(long id, Outcome outcome) {
        jdbc.sql("""
                update engine_command set confirmed_at = now(), outcome = :outcome, attempts = attempts + 1
                where id = :id""")
                .param("outcome", outcome.name()).param("id", id).update();
    }

    /** The engine did not confirm the command: it is tried again after {@code backoff}. */
    void failed(long id, String error, Duration backoff) {
        jdbc.sql("""
                update engine_command set attempts = attempts + 1, last_error = :error,
                       next_attempt_at = now() + cast(:backoff as interval)
                where id = :id""")
                .param("error", error.length() > 200 ? error.substring(0, 200) : error)
                .param("backoff", backoff.toMillis() + " milliseconds").param("id", id).update();
    }

    /**
     * The commands meant for earlier embedded engines: the rebuild brought the new engine to what PostgreSQL records,
     * which includes what they would have done.
     */
    int supersedeOtherLifetimes(EngineLifetime lifetime) {
        return jdbc.sql("""
                update engine_command set confirmed_at = now(), outcome = 'SUPERSEDED'
                where confirmed_at is null and engine_lifetime <> :lifetime""")
                .param("lifetime", lifetime.id()).update();
    }

    long countPending() {
        return jdbc.sql("select count(*) from engine_command where confirmed_at is null").query(Long.class).single();
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An engine command cannot be written as JSON", e);
        }
    }

    private Map<String, Object> read(String value) {
        try {
            return json.readValue(value, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored engine command is not valid JSON", e);
        }
    }

    enum Kind { CREATE, PUBLISH, COMPLETE_JOB }

    /** SENT: the engine took it; DUPLICATE: it had taken it before; GONE: its job no longer exists. */
    enum Outcome { SENT, DUPLICATE, GONE }

    record Command(long id, long caseId, Kind kind, String track, Map<String, Object> payload, int attempts,
                   boolean due) {}
}
