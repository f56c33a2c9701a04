package org.imrflow.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.imrflow.security.Actor;
import org.imrflow.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The task inbox for integrations: the same rules as the web inbox. */
@ApiController("/api/tasks")
@Tag(name = "Tasks")
class TaskApi {

    private final TaskInbox inbox;

    TaskApi(TaskInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "The caller's open tasks and their groups' unclaimed tasks")
    Map<String, List<InboxTask>> tasks() {
        Actor actor = Actor.current();
        return Map.of("myTasks", inbox.myTasks(actor), "groupTasks", inbox.groupTasks(actor));
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim a group task")
    InboxTask claim(@PathVariable long id) {
        return inbox.claim(id, Actor.current());
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Return a claimed task to its group")
    InboxTask unclaim(@PathVariable long id) {
        return inbox.unclaim(id, Actor.current());
    }

    @PostMapping("/{id}/assign")
    @Operation(summary = "Give a group task to a member of its group (coordinators)")
    InboxTask assign(@PathVariable long id, @RequestBody Assignment assignment) {
        return inbox.assign(id, assignment.username(), Actor.current());
    }

    /** Whom a coordinator gives a task to. */
    record Assignment(String username) {}

    @GetMapping("/{id}/form")
    @Operation(summary = "The task's Camunda form and the values it shows")
    TaskInbox.TaskForm form(@PathVariable long id) {
        return inbox.read(id, Actor.current());
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete the task with the form's fields as JSON")
    InboxTask complete(@PathVariable long id, @RequestBody Map<String, Object> values) {
        return inbox.complete(id, values, Actor.current());
    }
}
