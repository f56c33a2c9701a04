package org.imrflow.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.DomainMeters;
import org.imrflow.audit.AuditLog;
import org.imrflow.engine.CaseMessages;
import org.imrflow.engine.CaseProcessLedger;
import org.imrflow.engine.CaseProcessStarter;
import org.imrflow.engine.CaseRef;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.tasks.TaskInbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statutory clocks of each case, as data: started by the step that triggers them, met by the step that
 * fulfils them, in the transaction of that step. A running clock has a process of its own
 * ({@code bpmn/statutory-clock.bpmn}) whose timers send the reminder and, at the due instant, mark it missed and
 * escalate. A change of due date (an extension, an expedited conversion) starts that process anew.
 */
@Service
public class CaseClocks {

    private final DomainMeters meters;
    private final ClockRepository clocks;
    private final DeadlineRules rules;
    private final BusinessCalendars calendars;
    private final BusinessTime time;
    private final CaseProcessStarter processes;
    private final CaseProcessLedger ledger;
    private final CaseMessages messages;
    private final TaskInbox inbox;
    private final AuditLog audit;

    CaseClocks(ClockRepository clocks, DeadlineRules rules, BusinessCalendars calendars, BusinessTime time,
               CaseProcessStarter processes, CaseProcessLedger ledger, CaseMessages messages, TaskInbox inbox,
               AuditLog audit, DomainMeters meters) {
        this.meters = meters;
        this.clocks = clocks;
        this.rules = rules;
        this.calendars = calendars;
        this.time = time;
        this.processes = processes;
        this.ledger = ledger;
        this.messages = messages;
        this.inbox = inbox;
        this.audit = audit;
    }

    /**
     * T1, judged at intake: was the application received within the filing window after the UR decision was
     * served? Recorded as a clock met or missed; returns whether it was met.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean recordFilingWindow(CaseRef ref, LocalDate servedOn, Delivery served, LocalDate receivedOn) {
        Schedule schedule = rules.filing(calendars.current(), servedOn, served);
        boolean timely = !receivedOn.isAfter(BusinessTime.dateOf(schedule.dueAt()));
        Instant receivedAt = receivedOn.atStartOfDay(BusinessCalendar.CALIFORNIA).toInstant();
        Instant servedAt = servedOn.atStartOfDay(BusinessCalendar.CALIFORNIA).toInstant();
        clocks.insert(ref, ClockKind.FILING, "UR decision " + served.past(), servedAt, schedule,
                timely ? ClockStatus.MET : ClockStatus.MISSED, receivedAt, timely ? null : schedule.dueAt());
        CaseClock clock = clocks.find(ref.caseId(), ClockKind.FILING).orElseThrow();
        clocks.log(clock, "STARTED", servedAt, null, schedule.dueAt(), null, null, null, schedule.rule(), AuditLog.SYSTEM);
        clocks.log(clock, timely ? "MET" : "MISSED", receivedAt, null, null, null, null, null,
                "application received", AuditLog.SYSTEM);
        return timely;
    }

    /** Whether the application was filed in time, once intake has judged it. */
    @Transactional(readOnly = true)
    public Optional<Boolean> filedInTime(long caseId) {
        return clocks.find(caseId, ClockKind.FILING).map(c -> c.status() == ClockStatus.MET);
    }

    /**
     * Starts a clock at {@code at}; a clock the case already has is returned unchanged (the step that starts it
     * may run again). {@code delivery} is how the notice was sent, for the records clock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseClock start(CaseRef ref, ClockKind kind, String triggerEvent, Instant at, ReviewType type,
                           Delivery delivery) {
        BusinessCalendar calendar = calendars.current();
        Schedule schedule = switch (kind) {
            case NOTICE_OF_ASSIGNMENT -> rules.notice(calendar, at);
            case RECORDS -> rules.records(calendar, at, delivery, type);
            case DETERMINATION_FROM_ASSIGNMENT, DETERMINATION_FROM_RECORDS -> rules.determination(calendar, kind, at, type);
            case FILING -> throw new IllegalArgumentException("The filing window is judged at intake");
        };
        if (clocks.insert(ref, kind, triggerEvent, at, schedule, ClockStatus.RUNNING, null, null)) {
            CaseClock clock = clocks.find(ref.caseId(), kind).orElseThrow();
            clocks.log(clock, "STARTED", at, null, schedule.dueAt(), null, null, null, schedule.rule(), AuditLog.SYSTEM);
            audit.record("CLOCK_STARTED", ref.caseNumber(), kind.label() + " due " + schedule.dueAt());
            startProcess(ref, clock);
        }
        return clocks.find(ref.caseId(), kind).orElseThrow();
    }

    /**
     * The obligation of a clock was fulfilled at {@code at}: met, or, after its due instant, missed and met late.
     * Its process stops. A clock the case does not have, or already met, is left alone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void meet(CaseRef ref, ClockKind kind, Instant at, String detail) {
        Optional<CaseClock> found = clocks.lock(ref.caseId(), kind);
        if (found.isEmpty() || !found.get().open()) {
            return;
        }
        CaseClock clock = found.get();
        boolean late = at.isAfter(clock.dueAt());
        clocks.met(clock.id(), late ? ClockStatus.MISSED : ClockStatus.MET, at,
                late ? (clock.missedAt() != null ? clock.missedAt() : clock.dueAt()) : null);
        clocks.log(clock, "MET", at, null, null, null, null, null, detail, AuditLog.SYSTEM);
        audit.record("CLOCK_MET", ref.caseNumber(), kind.label() + (late ? " late" : " in time"));
        stopProcess(ref, kind);
    }

    /**
     * The due instant of a running clock passed: it is missed. Returns whether a coordinator must act on it:
     * a clock that escalates, not met, whose escalation nobody has handled yet. Idempotent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean missed(CaseRef ref, ClockKind kind) {
        CaseClock clock = clocks.lock(ref.caseId(), kind).orElseThrow(
                () -> new IllegalStateException("Case " + ref.caseNumber() + " has no clock " + kind));
        Instant now = time.now();
        if (clock.status() == ClockStatus.RUNNING) {
            clocks.missed(clock.id(), clock.dueAt());
            clocks.log(clock, "MISSED", now, null, null, null, null, null, "due " + clock.dueAt(), AuditLog.SYSTEM);
            audit.record("CLOCK_MISSED", ref.caseNumber(), kind.label() + " was due " + clock.dueAt());
            meters.count(DomainMeters.CLOCKS_MISSED, "clock", kind.name().toLowerCase(Locale.ROOT));
        }
        boolean escalate = kind.escalates() && clock.metAt() == null && !clocks.escalationHandled(clock.id());
        if (escalate) {
            clocks.escalated(clock.id(), now);
        } else {
            ledger.ended(ref, kind.track());
        }
        return escalate;
    }

    /**
     * The case ended without the obligations of its open clocks (it was terminated): each is stopped, its process
     * ends and an open task about it is withdrawn.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stopAll(CaseRef ref, String reason) {
        for (CaseClock clock : clocks.forCase(ref.caseId())) {
            if (clock.open()) {
                clocks.stop(clock.id());
                clocks.log(clock, "STOPPED", time.now(), null, null, null, null, null, reason, AuditLog.currentActor());
                stopProcess(ref, clock.kind());
            }
        }
    }

    /** A coordinator acted on a missed deadline; the clock's process ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void escalationHandled(CaseRef ref, ClockKind kind, String actionTaken, String username) {
        CaseClock clock = clocks.lock(ref.caseId(), kind).orElseThrow();
        clocks.handleEscalation(clock.id(), time.now());
        clocks.log(clock, "ESCALATION_HANDLED", time.now(), null, null, null, null, null, actionTaken, username);
        audit.record("MISSED_DEADLINE_HANDLED", ref.caseNumber(), kind.label());
        ledger.ended(ref, kind.track());
    }

    /** Records the reminder before a running clock's due date, once per reminder time. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remind(CaseRef ref, ClockKind kind) {
        CaseClock clock = clocks.lock(ref.caseId(), kind).orElseThrow();
        if (clock.open() && clocks.reminded(clock.id())) {
            clocks.log(clock, "REMINDED", time.now(), null, null, null, null, null,
                    "due " + clock.dueAt(), AuditLog.SYSTEM);
            audit.record("DEADLINE_REMINDER", ref.caseNumber(), kind.label() + " due " + clock.dueAt());
        }
    }

    /**
     * The case became expedited at {@code at} (T11): each running records and determination clock switches to
     * the expedited rule counted from the conversion, unless its current due date is earlier. Returns the
     * records clock's new due instant if it changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Instant> convertToExpedited(CaseRef ref, Instant at, String certification) {
        BusinessCalendar calendar = calendars.current();
        Instant recordsDue = null;
        for (ClockKind kind : List.of(ClockKind.RECORDS, ClockKind.DETERMINATION_FROM_ASSIGNMENT,
                ClockKind.DETERMINATION_FROM_RECORDS)) {
            Optional<CaseClock> found = clocks.lock(ref.caseId(), kind);
            if (found.isEmpty() || !found.get().open()) {
                continue;
            }
            CaseClock clock = found.get();
            Schedule expedited = rules.expedited(calendar, kind, at);
            if (!expedited.dueAt().isBefore(clock.dueAt())) {
                continue;
            }
            reschedule(ref, clock, expedited.rule() + "; expedited on " + BusinessTime.dateOf(at), expedited);
            clocks.log(clock, "EXPEDITED", at, clock.dueAt(), expedited.dueAt(), null, null, null, certification,
                    AuditLog.currentActor());
            if (kind == ClockKind.RECORDS) {
                recordsDue = expedited.dueAt();
            }
        }
        return Optional.ofNullable(recordsDue);
    }

    /**
     * T10x: the Administrative Director approved an extension of the determination by {@code days} (at most 3
     * in all): every open determination clock moves. Coordinators and the medical director record it.
     */
    @Transactional
    public void extendDetermination(CaseRef ref, int days, String approvedBy, LocalDate approvedOn, String reason,
                                    Actor actor) {
        if (!actor.has(Role.COORDINATOR) && !actor.has(Role.MEDICAL_DIRECTOR)) {
            actor.require(Role.COORDINATOR);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (days < 1 || days > DeadlineRules.MOST_EXTENSION_DAYS) {
            errors.put("days", "An extension is 1 to " + DeadlineRules.MOST_EXTENSION_DAYS + " days.");
        }
        if (approvedBy == null || approvedBy.isBlank() || approvedBy.length() > 200) {
            errors.put("approvedBy", "Name the Administrative Director's approval (who approved it, at most 200 characters).");
        }
        if (approvedOn == null) {
            errors.put("approvedOn", "Enter the date of the approval.");
        } else if (approvedOn.isAfter(time.today())) {
            errors.put("approvedOn", "The approval date cannot be in the future.");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            errors.put("reason", "Say why the determination needs more time (at most 2000 characters).");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        BusinessCalendar calendar = calendars.current();
        int extended = 0;
        for (ClockKind kind : List.of(ClockKind.DETERMINATION_FROM_ASSIGNMENT, ClockKind.DETERMINATION_FROM_RECORDS)) {
            Optional<CaseClock> found = clocks.lock(ref.caseId(), kind);
            if (found.isEmpty() || !found.get().open()) {
                continue;
            }
            CaseClock clock = found.get();
            int already = clocks.extendedDays(clock.id());
            if (already + days > DeadlineRules.MOST_EXTENSION_DAYS) {
                throw InvalidInputException.of("days", "The determination was already extended by " + already
                        + " days; at most " + DeadlineRules.MOST_EXTENSION_DAYS + " in all.");
            }
            Instant due = rules.extended(calendar, clock.dueAt(), days);
            Schedule schedule = new Schedule(clock.rule(), clock.unit(), clock.amount(), due,
                    rules.reminder(calendar, clock.unit(), time.now(), due));
            reschedule(ref, clock, clock.rule(), schedule);
            clocks.log(clock, "EXTENDED", time.now(), clock.dueAt(), due, days, approvedBy.strip(), approvedOn,
                    reason.strip(), actor.username());
            extended++;
        }
        if (extended == 0) {
            throw new ConflictException("The case has no determination deadline to extend.");
        }
        audit.record("DETERMINATION_EXTENDED", ref.caseNumber(), days + " days, approved by the Administrative Director");
    }

    @Transactional(readOnly = true)
    public List<CaseClock> of(long caseId) {
        return clocks.forCase(caseId);
    }

    @Transactional(readOnly = true)
    public Optional<CaseClock> find(long caseId, ClockKind kind) {
        return clocks.find(caseId, kind);
    }

    @Transactional(readOnly = true)
    public List<ClockEvent> log(long caseId) {
        return clocks.log(caseId);
    }

    /** Every clock still to be met, soonest due first. */
    @Transactional(readOnly = true)
    public List<CaseClock> allOpen() {
        return clocks.allOpen();
    }

    /** The open clocks of these cases. */
    @Transactional(readOnly = true)
    public List<CaseClock> openFor(Collection<Long> caseIds) {
        return clocks.openFor(caseIds);
    }

    private void reschedule(CaseRef ref, CaseClock clock, String rule, Schedule schedule) {
        ClockStatus status = clock.metAt() == null && schedule.dueAt().isAfter(time.now()) ? ClockStatus.RUNNING
                : clock.status();
        clocks.reschedule(clock.id(), rule, schedule, status);
        stopProcess(ref, clock.kind());
        startProcess(ref, clocks.find(ref.caseId(), clock.kind()).orElseThrow());
    }

    private void startProcess(CaseRef ref, CaseClock clock) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ClockProcess.CLOCK, clock.kind().name());
        variables.put(ClockProcess.CLOCK_KEY, ClockProcess.key(ref.caseNumber(), clock.kind()));
        variables.put(ClockProcess.DUE_AT, clock.dueAt().toString());
        variables.put(ClockProcess.REMINDER_AT, clock.reminderAt() == null ? null : clock.reminderAt().toString());
        variables.put(ClockProcess.ESCALATE, clock.kind().escalates());
        processes.startAfterCommit(ref, clock.kind().track(), ClockProcess.PROCESS_ID, variables);
    }

    private void stopProcess(CaseRef ref, ClockKind kind) {
        ledger.ended(ref, kind.track());
        inbox.withdraw(ref, kind.track());
        messages.announceAfterCommit(ref, ClockProcess.CLOCK_STOPPED, ClockProcess.key(ref.caseNumber(), kind), Map.of());
    }
}
