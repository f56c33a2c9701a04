package org.imrflow.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each case stands in its process, kept in PostgreSQL so that the engine can be rebuilt from it.
 *
 * <p>Every job (automated step or human task) passes through here: activation moves the case to the job's
 * element; completion records the variables the element completed with, in the same transaction as the
 * domain change it made. If the engine is lost between that commit and the engine's acknowledgement, the
 * rebuilt engine delivers the job again, and {@link #activated} hands back the recorded result instead of
 * letting the work run twice.
 */
@Repository
public class CaseProcessLedger {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CaseProcessLedger(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new case, before its process instance exists. */
    public void register(CaseRef ref, Map<String, Object> variables) {
        jdbc.sql("""
                insert into case_process (case_id, case_number, element_state, variables)
                values (:id, :number, 'STARTING', cast(:vars as jsonb))""")
                .param("id", ref.caseId()).param("number", ref.caseNumber()).param("vars", write(variables))
                .update();
    }

    public Optional<CaseRef> find(String caseNumber) {
        return jdbc.sql("select case_id, case_number from case_process where case_number = :n")
                .param("n", caseNumber)
                .query((rs, i) -> new CaseRef(rs.getLong(1), rs.getString(2))).optional();
    }

    /**
     * A job for {@code elementId} was delivered. Returns the recorded result if this element already completed
     * in PostgreSQL (a re-delivery after the engine was rebuilt), otherwise records that the case is there.
     */
    public Optional<Map<String, Object>> activated(CaseRef ref, String elementId) {
        Position position = position(ref.caseId());
        if (elementId.equals(position.elementId()) && "DONE".equals(position.state())) {
            return Optional.of(position.result());
        }
        jdbc.sql("""
                update case_process set element_id = :element, element_state = 'ACTIVE', result = null,
                       updated_at = now()
                where case_id = :id""")
                .param("element", elementId).param("id", ref.caseId()).update();
        return Optional.empty();
    }

    /** The element completed with {@code result}; call it in the transaction of the work it records. */
    public void completed(CaseRef ref, String elementId, Map<String, Object> result) {
        Position position = position(ref.caseId());
        Map<String, Object> variables = new LinkedHashMap<>(position.variables());
        variables.putAll(result);
        jdbc.sql("""
                update case_process set element_id = :element, element_state = 'DONE',
                       result = cast(:result as jsonb), variables = cast(:vars as jsonb), updated_at = now()
                where case_id = :id""")
                .param("element", elementId).param("result", write(result)).param("vars", write(variables))
                .param("id", ref.caseId()).update();
    }

    /** The case's process has reached an end: it is not rebuilt any more. */
    public void ended(long caseId) {
        jdbc.sql("update case_process set ended_at = now(), updated_at = now() where case_id = :id and ended_at is null")
                .param("id", caseId).update();
    }

    /** Every case whose process has not ended, with where it stands. */
    public List<Position> openPositions() {
        return jdbc.sql("""
                select case_id, case_number, element_id, element_state, result, variables
                from case_process where ended_at is null order by case_id""")
                .query((rs, i) -> new Position(new CaseRef(rs.getLong(1), rs.getString(2)), rs.getString(3),
                        rs.getString(4), read(rs.getString(5)), read(rs.getString(6))))
                .list();
    }

    private Position position(long caseId) {
        return jdbc.sql("""
                select case_id, case_number, element_id, element_state, result, variables
                from case_process where case_id = :id for update""")
                .param("id", caseId)
                .query((rs, i) -> new Position(new CaseRef(rs.getLong(1), rs.getString(2)), rs.getString(3),
                        rs.getString(4), read(rs.getString(5)), read(rs.getString(6))))
                .single();
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

    /** Where a case stands: the element of its current (or last) job, and its state there. */
    public record Position(CaseRef ref, String elementId, String state, Map<String, Object> result,
                           Map<String, Object> variables) {}
}
