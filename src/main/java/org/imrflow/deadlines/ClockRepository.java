package org.imrflow.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.imrflow.engine.CaseRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clock tables: case_clock and its append-only log case_clock_event. */
@Repository
class ClockRepository {

    private static final String COLUMNS = """
            id, case_id, case_number, kind, rule, trigger_event, triggered_at, unit, amount, due_at, reminder_at,
            status, met_at, missed_at""";

    private final JdbcClient jdbc;

    ClockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the clock unless the case has one of this kind; returns whether it was inserted. */
    boolean insert(CaseRef ref, ClockKind kind, String triggerEvent, Instant triggeredAt, Schedule schedule,
                   ClockStatus status, Instant metAt, Instant missedAt) {
        return jdbc.sql("""
                insert into case_clock (case_id, case_number, kind, rule, trigger_event, triggered_at, unit, amount,
                    due_at, reminder_at, status, met_at, missed_at)
                values (:case, :number, :kind, :rule, :trigger, :at, :unit, :amount, :due, :reminder, :status, :met,
                    :missed)
                on conflict (case_id, kind) do nothing""")
                .param("case", ref.caseId()).param("number", ref.caseNumber()).param("kind", kind.name())
                .param("rule", schedule.rule()).param("trigger", triggerEvent).param("at", ts(triggeredAt))
                .param("unit", schedule.unit().name()).param("amount", schedule.amount())
                .param("due", ts(schedule.dueAt())).param("reminder", ts(schedule.reminderAt()))
                .param("status", status.name()).param("met", ts(metAt)).param("missed", ts(missedAt))
                .update() > 0;
    }

    /** The clock, locked for a change. */
    Optional<CaseClock> lock(long caseId, ClockKind kind) {
        return jdbc.sql("select " + COLUMNS + " from case_clock where case_id = :case and kind = :kind for update")
                .param("case", caseId).param("kind", kind.name()).query(ClockRepository::clock).optional();
    }

    Optional<CaseClock> find(long caseId, ClockKind kind) {
        return jdbc.sql("select " + COLUMNS + " from case_clock where case_id = :case and kind = :kind")
                .param("case", caseId).param("kind", kind.name()).query(ClockRepository::clock).optional();
    }

    List<CaseClock> forCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from case_clock where case_id = :case order by triggered_at, id")
                .param("case", caseId).query(ClockRepository::clock).list();
    }

    /** The clocks of many cases that are still to be met. */
    List<CaseClock> openFor(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from case_clock where case_id in (:ids) and met_at is null and status in ('RUNNING', 'MISSED')")
                .param("ids", caseIds).query(ClockRepository::clock).list();
    }

    /** Every clock still to be met, for the coordinators' view of what is due. */
    List<CaseClock> allOpen() {
        return jdbc.sql("select " + COLUMNS + " from case_clock where met_at is null and status in ('RUNNING', 'MISSED') order by due_at")
                .query(ClockRepository::clock).list();
    }

    void reschedule(long id, String rule, Schedule schedule, ClockStatus status) {
        jdbc.sql("""
                update case_clock set rule = :rule, unit = :unit, amount = :amount, due_at = :due,
                    reminder_at = :reminder, reminded_for = null,
                    status = :status, missed_at = case when :status = 'RUNNING' then null else missed_at end,
                    escalated_at = null, escalation_handled_at = null
                where id = :id""")
                .param("rule", rule).param("unit", schedule.unit().name()).param("amount", schedule.amount())
                .param("due", ts(schedule.dueAt())).param("reminder", ts(schedule.reminderAt()))
                .param("status", status.name()).param("id", id).update();
    }

    void met(long id, ClockStatus status, Instant metAt, Instant missedAt) {
        jdbc.sql("update case_clock set status = :status, met_at = :met, missed_at = :missed where id = :id")
                .param("status", status.name()).param("met", ts(metAt)).param("missed", ts(missedAt)).param("id", id)
                .update();
    }

    void stop(long id) {
        jdbc.sql("update case_clock set status = 'STOPPED' where id = :id").param("id", id).update();
    }

    void missed(long id, Instant at) {
        jdbc.sql("update case_clock set status = 'MISSED', missed_at = :at where id = :id")
                .param("at", ts(at)).param("id", id).update();
    }

    /** Records the reminder for the clock's current reminder time; false if it was already sent. */
    boolean reminded(long id) {
        return jdbc.sql("""
                update case_clock set reminded_for = reminder_at
                where id = :id and reminder_at is not null and reminded_for is distinct from reminder_at""")
                .param("id", id).update() > 0;
    }

    /** Opens the escalation of a missed clock once; false if it was already opened. */
    boolean escalated(long id, Instant at) {
        return jdbc.sql("update case_clock set escalated_at = :at where id = :id and escalated_at is null")
                .param("at", ts(at)).param("id", id).update() > 0;
    }

    boolean escalationHandled(long id) {
        return jdbc.sql("select escalation_handled_at is not null from case_clock where id = :id")
                .param("id", id).query(Boolean.class).single();
    }

    void handleEscalation(long id, Instant at) {
        jdbc.sql("update case_clock set escalation_handled_at = :at where id = :id").param("at", ts(at)).param("id", id)
                .update();
    }

    void log(CaseClock clock, String kind, Instant at, Instant dueBefore, Instant dueAfter, Integer days,
             String approvedBy, LocalDate approvedOn, String detail, String actor) {
        jdbc.sql("""
                insert into case_clock_event (clock_id, kind, occurred_at, due_before, due_after, days, approved_by,
                    approved_on, detail, actor)
                values (:clock, :kind, :at, :before, :after, :days, :by, :on, :detail, :actor)""")
                .param("clock", clock.id()).param("kind", kind).param("at", ts(at)).param("before", ts(dueBefore))
                .param("after", ts(dueAfter)).param("days", days).param("by", approvedBy).param("on", approvedOn)
                .param("detail", detail == null ? "" : detail).param("actor", actor)
                .update();
    }

    /** The days a clock was already extended by. */
    int extendedDays(long clockId) {
        return jdbc.sql("select coalesce(sum(days), 0) from case_clock_event where clock_id = :id and kind = 'EXTENDED'")
                .param("id", clockId).query(Integer.class).single();
    }

    List<ClockEvent> log(long caseId) {
        return jdbc.sql("""
                select e.id, e.clock_id, c.kind, e.kind, e.occurred_at, e.due_before, e.due_after, e.days,
                       e.approved_by, e.approved_on, e.detail, e.actor
                from case_clock_event e join case_clock c on c.id = e.clock_id
                where c.case_id = :case order by e.occurred_at, e.id""")
                .param("case", caseId)
                .query((rs, i) -> new ClockEvent(rs.getLong(1), rs.getLong(2), ClockKind.valueOf(rs.getString(3)),
                        rs.getString(4), instant(rs, 5), instant(rs, 6), instant(rs, 7),
                        (Integer) rs.getObject(8), rs.getString(9), rs.getObject(10, LocalDate.class), rs.getString(11),
                        rs.getString(12)))
                .list();
    }

    private static CaseClock clock(ResultSet rs, int row) throws SQLException {
        return new CaseClock(rs.getLong(1), rs.getLong(2), rs.getString(3), ClockKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), instant(rs, 7), ClockUnit.valueOf(rs.getString(8)), rs.getInt(9),
                instant(rs, 10), instant(rs, 11), ClockStatus.valueOf(rs.getString(12)), instant(rs, 13),
                instant(rs, 14));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
