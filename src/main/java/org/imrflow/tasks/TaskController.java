package org.imrflow.tasks;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.security.Actor;
import org.imrflow.tasks.form.FormParameters;
import org.imrflow.tasks.form.FormView;
import org.imrflow.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox page and the task page: claim, return to the group, and complete a task through its form. */
@PageController
class TaskController {

    private static final String TASK_VIEW = "tasks/task";

    private final TaskInbox inbox;
    private final TaskPanel panels;

    TaskController(TaskInbox inbox, TaskPanel panels) {
        this.inbox = inbox;
        this.panels = panels;
    }

    /** The inbox, each list a page at a time ({@code mine} and {@code group} are page numbers from 0). */
    @GetMapping("/tasks")
    String inbox(@RequestParam(defaultValue = "0") int mine, @RequestParam(defaultValue = "0") int group, Model model) {
        Actor actor = Actor.current();
        TaskPage myTasks = TaskPage.of(inbox.myTasks(actor), mine);
        TaskPage groupTasks = TaskPage.of(inbox.groupTasks(actor), group);
        model.addAttribute("myTasks", myTasks);
        model.addAttribute("groupTasks", groupTasks);
        return "tasks/inbox";
    }

    @GetMapping("/tasks/{id}")
    String show(@PathVariable long id, Model model) {
        Actor actor = Actor.current();
        TaskInbox.TaskForm form = inbox.read(id, actor);
        return page(form, form.values(), Map.of(), actor, model);
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable long id, RedirectAttributes redirect) {
        try {
            inbox.claim(id, Actor.current());
            redirect.addFlashAttribute("message", "task.claimed");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", e.getMessage());
        }
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable long id, RedirectAttributes redirect) {
        try {
            inbox.unclaim(id, Actor.current());
            redirect.addFlashAttribute("message", "task.unclaimed.flash");
            return "redirect:/tasks";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", e.getMessage());
            return "redirect:/tasks/" + id;
        }
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable long id, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Actor actor = Actor.current();
        TaskInbox.TaskForm form = inbox.form(id, actor);
        Map<String, Object> submitted = FormParameters.fromFormParameters(form.form(), request.getParameterMap());
        try {
            inbox.complete(id, submitted, actor);
        } catch (InvalidInputException e) {
            model.addAttribute("rejected", true);
            return page(form, FormView.valuesForRedisplay(form.form(), form.values(), submitted), e.fieldErrors(),
                    actor, model);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", e.getMessage());
            return "redirect:/tasks/" + id;
        }
        redirect.addFlashAttribute("message", "task.completed");
        return "redirect:/tasks";
    }

    private String page(TaskInbox.TaskForm form, Map<String, Object> values, Map<String, String> errors, Actor actor,
                        Model model) {
        InboxTask task = form.task();
        model.addAttribute("task", task);
        model.addAttribute("form", form.form());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("mayWork", inbox.mayWork(task, actor));
        model.addAttribute("mayClaim", inbox.mayClaim(task, actor));
        model.addAttribute("mayUnclaim", inbox.mayUnclaim(task, actor));
        model.addAttribute("panel", panels.forTask(task, actor).orElse(null));
        return TASK_VIEW;
    }
}
