package org.imrflow.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.NotFoundException;
import org.imrflow.DomainMeters;
import org.imrflow.audit.AuditLog;
import org.imrflow.engine.CaseJobs;
import org.imrflow.engine.CaseProcessLedger;
import org.imrflow.engine.CaseRef;
import org.imrflow.engine.EngineCommands;
import org.imrflow.engine.EngineLifetime;
import org.imrflow.security.AccessDeniedException;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.security.UserAccounts;
import org.imrflow.tasks.form.FormCatalog;
import org.imrflow.tasks.form.FormDefinition;
import org.imrflow.tasks.form.FormValidator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox of human tasks. Every access is checked against the actor: a task is seen by its owner, by the
 * members of its candidate groups and by staff who see all cases; it is worked only by its owner.
 */
@Service
public class TaskInbox {

    private static final String HEADER = "io.camunda.zeebe:";

    private final UserTaskRepository tasks;
    private final CaseJobs jobs;
    private final CaseProcessLedger ledger;
    private final EngineLifetime lifetime;
    private final EngineCommands commands;
    private final FormCatalog forms;
    private final FormValidator validator;
    private final ObjectProvider<TaskFormHandler> handlerBeans;
    private volatile Map<String, TaskFormHandler> handlers;
    private final ProcessModelNames names;
    private final AuditLog audit;
    private final DomainMeters meters;
    private final ObjectMapper json;
    private final UserAccounts users;
    private final TaskDeadlines deadlines;
    private final ObjectProvider<TaskLogins> logins;

    TaskInbox(UserTaskRepository tasks, CaseJobs jobs, CaseProcessLedger ledger, EngineLifetime lifetime,
              EngineCommands commands, FormCatalog forms, FormValidator validator, ObjectProvider<TaskFormHandler> handlers,
              ProcessModelNames names, AuditLog audit, ObjectMapper json, UserAccounts users,
              TaskDeadlines deadlines, ObjectProvider<TaskLogins> logins, DomainMeters meters) {
        this.meters = meters;
        this.tasks = tasks;
        this.jobs = jobs;
        this.ledger = ledger;
        this.lifetime = lifetime;
        this.commands = commands;
        this.forms = forms;
        this.validator = validator;
        // handlers are looked up when first needed: a module's handler may use services that use the inbox
        this.handlerBeans = handlers;
        this.names = names;
        this.audit = audit;
        this.json = json;
        this.users = users;
        this.deadlines = deadlines;
        this.logins = logins;
    }

    /** A user-task job arrived: put it in the inbox, or replay a completion the engine never received. */
    @Transactional
    void arrived(ActivatedJob job) {
        CaseRef ref = jobs.caseOf(job);
        String track = jobs.trackOf(job);
        Optional<Map<String, Object>> completed = ledger.activated(ref, track, job.getElementId());
        if (completed.isPresent()) {
            completeJobAfterCommit(job.getKey(), completed.get(), ref);
            return;
        }
        Map<String, String> headers = job.getCustomHeaders();
        tasks.upsertOpen(ref, track, job.getElementId(), names.nameOf(job.getElementId()),
                headers.get(HEADER + "formKey"), blankToNull(headers.get(HEADER + "assignee")),
                groups(headers.get(HEADER + "candidateGroups")), job.getKey(), lifetime.id(),
                job.getVariablesAsMap());
    }

    /** The actor's open tasks, the soonest due first. */
    @Transactional(readOnly = true)
    public List<InboxTask> myTasks(Actor actor) {
        return byDueDate(tasks.openOwnedBy(actor.username()));
    }

    /** The open tasks of the actor's groups that nobody works yet, the soonest due first. */
    @Transactional(readOnly = true)
    public List<InboxTask> groupTasks(Actor actor) {
        return byDueDate(tasks.openUnclaimedFor(actor.candidateGroups()));
    }

    /** How many open tasks of the actor's groups nobody works yet: counted, not read. */
    @Transactional(readOnly = true)
    public long groupTaskCount(Actor actor) {
        return tasks.countOpenUnclaimedFor(actor.candidateGroups());
    }

    /** The tasks of a case, open and done; the caller has checked the actor may see the case. */
    @Transactional(readOnly = true)
    public List<InboxTask> ofCase(long caseId) {
        return withDueDates(tasks.forCase(caseId));
    }

    @Transactional(readOnly = true)
    public InboxTask get(long taskId, Actor actor) {
        InboxTask task = tasks.find(taskId).orElseThrow(() -> new NotFoundException("No task " + taskId + "."));
        if (!mayView(task, actor)) {
            throw new NotFoundException("No task " + taskId + ".");
        }
        return withDueDates(List.of(task)).getFirst();
    }

    /**
     * The process of a track left its open tasks behind (it was interrupted: a clock changed or stopped): they
     * leave the inbox. Call it in the transaction that makes the change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdraw(CaseRef ref, String track) {
        if (tasks.withdrawOpen(ref.caseId(), track) > 0) {
            audit.record("TASK_WITHDRAWN", ref.caseNumber(), "open tasks of " + track);
        }
    }

    public boolean mayWork(InboxTask task, Actor actor) {
        return task.open() && !actor.readOnly() && actor.username().equals(task.owner());
    }

    public boolean mayClaim(InboxTask task, Actor actor) {
        return task.open() && !actor.readOnly() && task.owner() == null && inGroups(task, actor);
    }

    /** Whether the actor may return the claimed task to its group: their own claim, or any claim for a coordinator. */
    public boolean mayUnclaim(InboxTask task, Actor actor) {
        return task.open() && task.claimedBy() != null && !actor.readOnly()
                && (actor.username().equals(task.claimedBy()) || actor.has(Role.COORDINATOR));
    }

    /** The task's form with the values to show: the job's variables and what the domain adds. */
    @Transactional(readOnly = true)
    public TaskForm form(long taskId, Actor actor) {
        InboxTask task = get(taskId, actor);
        FormDefinition form = forms.get(task.formKey());
        // only what the form shows: the process variables hold more than this task's worker should see
        Map<String, Object> values = new HashMap<>(formValues(task, actor));
        values.keySet().retainAll(form.variableNames());
        UnaryOperator<String> shown = logins.stream().findFirst().map(l -> l.shownTo(task.caseId(), actor))
                .orElse(UnaryOperator.identity());
        return new TaskForm(task.withLogins(shown), form, values);
    }

    /** The task's form for the actor to read: it shows the case's medical content, so the reading is audited. */
    @Transactional
    public TaskForm read(long taskId, Actor actor) {
        TaskForm form = form(taskId, actor);
        audit.record("TASK_FORM_VIEWED", form.task().caseNumber(), form.task().name());
        return form;
    }

    @Transactional
    public InboxTask claim(long taskId, Actor actor) {
        InboxTask task = get(taskId, actor);
        actor.requireWriter();
        if (!task.open()) {
            throw new ConflictException("The task is already completed.");
        }
        if (!inGroups(task, actor) || task.assignee() != null) {
            throw new AccessDeniedException("This task is not for your group.");
        }
        if (tasks.claim(taskId, actor.username()) == 0 && !actor.username().equals(task.claimedBy())) {
            throw new ConflictException("The task has already been claimed by " + task.claimedBy() + ".");
        }
        audit.record("TASK_CLAIMED", task.caseNumber(), task.name());
        return get(taskId, actor);
    }

    @Transactional
    public InboxTask unclaim(long taskId, Actor actor) {
        InboxTask task = get(taskId, actor);
        actor.requireWriter();
        if (!mayUnclaim(task, actor)) {
            throw new ConflictException("Only an open task you claimed can be returned to the group.");
        }
        tasks.setClaimedBy(taskId, null);
        audit.record("TASK_UNCLAIMED", task.caseNumber(), task.name());
        return get(taskId, actor);
    }

    /** A coordinator gives a group task to a member of its group. */
    @Transactional
    public InboxTask assign(long taskId, String username, Actor actor) {
        InboxTask task = get(taskId, actor);
        actor.require(Role.COORDINATOR);
        boolean member = users.rolesOf(username).stream().map(Role::candidateGroup).anyMatch(task.candidateGroups()::contains);
        if (!task.open() || task.assignee() != null || !member) {
            throw InvalidInputException.of("username", "The task can only be given to a member of its group.");
        }
        tasks.setClaimedBy(taskId, username);
        audit.record("TASK_ASSIGNED", task.caseNumber(), task.name() + " to " + username);
        return get(taskId, actor);
    }

    /**
     * Completes the task with the submitted form values: validated against the form, then by the domain,
     * recorded in PostgreSQL, and only then sent to the engine.
     */
    @Transactional
    public InboxTask complete(long taskId, Map<String, Object> submitted, Actor actor) {
        // lock first, so the state checked below is the state this completion changes
        UserTaskRepository.Held held = tasks.lockForCompletion(taskId)
                .orElseThrow(() -> new NotFoundException("No task " + taskId + "."));
        InboxTask task = get(taskId, actor);
        if (!task.open()) {
            throw new ConflictException("WITHDRAWN".equals(task.status())
                    ? "The task is no longer needed: its process moved on without it."
                    : "The task has already been completed.");
        }
        actor.requireWriter();
        if (!actor.username().equals(task.owner())) {
            throw new AccessDeniedException(task.owner() == null
                    ? "Claim the task before completing it." : "The task belongs to someone else.");
        }
        if (!lifetime.issued(held.lifetime())) {
            throw new ConflictException("The task is being restored after a restart; try again in a moment.");
        }
        CaseRef ref = new CaseRef(task.caseId(), task.caseNumber());
        Map<String, Object> variables = formValues(task, actor);
        FormDefinition form = forms.get(task.formKey());
        var result = validator.validate(form, submitted, variables);
        if (!result.errors().isEmpty()) {
            throw new InvalidInputException(result.errors());
        }
        Map<String, Object> completion = new HashMap<>(result.values());
        TaskFormHandler handler = handler(task.formKey());
        if (handler != null) {
            completion.putAll(handler.complete(context(task, ref, actor, variables), result.values()));
        }
        Map<String, Object> stored = jsonSafe(completion);
        tasks.complete(taskId, actor.username(), stored);
        ledger.completed(ref, task.track(), task.elementId(), stored);
        audit.record("TASK_COMPLETED", task.caseNumber(), task.name());
        meters.time(DomainMeters.TASKS_WAITING, Duration.between(task.createdAt(), Instant.now()),
                "task", task.elementId());
        completeJobAfterCommit(held.jobKey(), stored, ref);
        return get(taskId, actor);
    }

    private Map<String, Object> formValues(InboxTask task, Actor actor) {
        Map<String, Object> values = new HashMap<>(tasks.variables(task.id()));
        TaskFormHandler handler = handler(task.formKey());
        if (handler != null) {
            values.putAll(handler.prefill(context(task, new CaseRef(task.caseId(), task.caseNumber()), actor, values)));
        }
        return values;
    }

    private TaskFormHandler handler(String formKey) {
        if (handlers == null) {
            handlers = handlerBeans.orderedStream()
                    .collect(Collectors.toMap(TaskFormHandler::formKey, Function.identity()));
        }
        return handlers.get(formKey);
    }

    private static TaskContext context(InboxTask task, CaseRef ref, Actor actor, Map<String, Object> variables) {
        return new TaskContext(task.id(), ref, task.elementId(), actor, variables);
    }

    /** Completes the job through the outbox: sent after commit, and again until the engine confirms it. */
    private void completeJobAfterCommit(long jobKey, Map<String, Object> variables, CaseRef ref) {
        commands.completeJob(ref, jobKey, variables);
    }

    private boolean mayView(InboxTask task, Actor actor) {
        return actor.seesAllCases() || actor.username().equals(task.owner()) || (task.owner() == null && inGroups(task, actor));
    }

    private static boolean inGroups(InboxTask task, Actor actor) {
        return task.candidateGroups().stream().anyMatch(actor.candidateGroups()::contains);
    }

    /** Values as the engine and PostgreSQL's jsonb hold them (numbers, strings, lists, maps). */
    private Map<String, Object> jsonSafe(Map<String, Object> values) {
        try {
            return json.readValue(json.writeValueAsString(values), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Task values cannot be written as JSON", e);
        }
    }

    private List<String> groups(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(header, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            return List.of(header.split(",\\s*"));
        }
    }

    private List<InboxTask> withDueDates(List<InboxTask> found) {
        // a set: the deadlines keep only the processes asked for, a look-up for each of an inbox's hundreds
        Map<TaskDeadlines.Process, Instant> due = deadlines.dueAt(found.stream()
                .filter(InboxTask::open).map(t -> new TaskDeadlines.Process(t.caseId(), t.track()))
                .collect(Collectors.toSet()));
        return found.stream()
                .map(t -> t.open() ? t.dueAt(due.get(new TaskDeadlines.Process(t.caseId(), t.track()))) : t)
                .toList();
    }

    private List<InboxTask> byDueDate(List<InboxTask> found) {
        return withDueDates(found).stream()
                .sorted(Comparator.comparing(InboxTask::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A task with its form and the values the form shows. */
    public record TaskForm(InboxTask task, FormDefinition form, Map<String, Object> values) {}
}
