package org.imrflow.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imrflow.engine.CaseRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The user_task table. */
@Repository
class UserTaskRepository {

    private static final String COLUMNS = """
            t.id, t.case_id, t.case_number, t.track, t.element_id, t.name, t.form_key, t.assignee, t.candidate_groups,
            t.claimed_by, t.status, t.created_at, t.completed_at, t.completed_by""";
    private static final String FROM = " from user_task t ";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    UserTaskRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the open task of this element of the case's track, or refreshes it (a re-delivery keeps the claim). */
    void upsertOpen(CaseRef ref, String track, String elementId, String name, String formKey, String assignee,
                    List<String> candidateGroups, long jobKey, String lifetime, Map<String, Object> variables) {
        jdbc.sql("""
                insert into user_task (case_id, case_number, track, element_id, name, form_key, assignee,
                    candidate_groups, status, job_key, engine_lifetime, variables)
                values (:case, :number, :track, :element, :name, :form, :assignee, :groups, 'OPEN', :job, :lifetime,
                    cast(:vars as jsonb))
                on conflict (case_id, track, element_id) where status = 'OPEN' do update set
                    name = excluded.name, form_key = excluded.form_key, assignee = excluded.assignee,
                    candidate_groups = excluded.candidate_groups, job_key = excluded.job_key,
                    engine_lifetime = excluded.engine_lifetime, variables = excluded.variables""")
                .param("case", ref.caseId()).param("number", ref.caseNumber()).param("track", track)
                .param("element", elementId).param("name", name).param("form", formKey)
                .param("assignee", assignee).param("groups", String.join(",", candidateGroups))
                .param("job", jobKey).param("lifetime", lifetime).param("vars", write(variables))
                .update();
    }

    /** The open tasks of a track whose process left them (a clock that changed or stopped): nobody works them. */
    int withdrawOpen(long caseId, String track) {
        return jdbc.sql("""
                update user_task set status = 'WITHDRAWN', completed_at = now(), completed_by = 'system'
                where case_id = :case and track = :track and status = 'OPEN'""")
                .param("case", caseId).param("track", track).update();
    }

    Optional<InboxTask> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where t.id = :id").param("id", id)
                .query(UserTaskRepository::task).optional();
    }

    Optional<Held> lockForCompletion(long id) {
        return jdbc.sql("select job_key, engine_lifetime, variables from user_task where id = :id for update")
                .param("id", id)
                .query((rs, i) -> new Held(rs.getLong(1), rs.getString(2), read(rs.getString(3))))
                .optional();
    }

    Map<String, Object> variables(long id) {
        return jdbc.sql("select variables from user_task where id = :id").param("id", id)
                .query((rs, i) -> read(rs.getString(1))).single();
    }

    List<InboxTask> openOwnedBy(String username) {
        return jdbc.sql("select " + COLUMNS + FROM + """
                 where t.status = 'OPEN' and (t.assignee = :u or t.claimed_by = :u)
                 order by t.created_at, t.id""")
                .param("u", username).query(UserTaskRepository::task).list();
    }

    /** Open tasks nobody works yet, for any of the groups. */
    List<InboxTask> openUnclaimedFor(Collection<String> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + FROM + """
                 where t.status = 'OPEN' and t.assignee is null and t.claimed_by is null
                   and string_to_array(t.candidate_groups, ',') && cast(:groups as text[])
                 order by t.created_at, t.id""")
                .param("groups", groups.toArray(String[]::new)).query(UserTaskRepository::task).list();
    }

    /** How many open tasks nobody works yet there are for any of the groups. */
    long countOpenUnclaimedFor(Collection<String> groups) {
        if (groups.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                select count(*) from user_task t
                 where t.status = 'OPEN' and t.assignee is null and t.claimed_by is null
                   and string_to_array(t.candidate_groups, ',') && cast(:groups as text[])""")
                .param("groups", groups.toArray(String[]::new)).query(Long.class).single();
    }

    List<InboxTask> forCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where t.case_id = :case order by t.created_at, t.id")
                .param("case", caseId).query(UserTaskRepository::task).list();
    }

    long countOpen() {
        return jdbc.sql("select count(*) from user_task where status = 'OPEN'").query(Long.class).single();
    }

    int claim(long id, String username) {
        return jdbc.sql("update user_task set claimed_by = :u where id = :id and status = 'OPEN' and claimed_by is null")
                .param("u", username).param("id", id).update();
    }

    void setClaimedBy(long id, String username) {
        jdbc.sql("update user_task set claimed_by = :u where id = :id and status = 'OPEN'")
                .param("u", username).param("id", id).update();
    }

    void complete(long id, String username, Map<String, Object> result) {
        jdbc.sql("""
                update user_task set status = 'COMPLETED', completed_at = now(), completed_by = :u,
                    result = cast(:result as jsonb) where id = :id""")
                .param("u", username).param("result", write(result)).param("id", id).update();
    }

    private static InboxTask task(ResultSet rs, int row) throws SQLException {
        String groups = rs.getString(9);
        return new InboxTask(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8),
                groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")), rs.getString(10), null,
                rs.getString(11), instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)), rs.getString(14));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String write(Map<String, Object> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Task variables cannot be written as JSON", e);
        }
    }

    private Map<String, Object> read(String value) {
        try {
            return json.readValue(value, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored task variables are not valid JSON", e);
        }
    }

    /** What completing a task needs from its row: the job, the engine lifetime it belongs to, the variables. */
    record Held(long jobKey, String lifetime, Map<String, Object> variables) {}
}
