package org.imrflow.assignment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.web.Dates;
import org.imrflow.web.PageController;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reviewer panel pages for administrators: the panel with each reviewer's standing, filtered by specialty and
 * state, and the form that registers or changes a reviewer. A rejected form comes back with a message next to each
 * field and nothing stored.
 */
@PageController
class ReviewerPanelController {

    private static final String LIST = "admin/reviewers";
    private static final String FORM = "admin/reviewer";

    private final ReviewerPanel panel;
    private final BusinessTime time;
    private final Dates dates;

    ReviewerPanelController(ReviewerPanel panel, BusinessTime time, Dates dates) {
        this.panel = panel;
        this.time = time;
        this.dates = dates;
    }

    @InitBinder("reviewerForm")
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute("specialtyNames")
    List<String> specialtyNames() {
        return Specialties.all().stream().map(Specialties.Specialty::name).toList();
    }

    @ModelAttribute("stateNames")
    List<String> stateNames() {
        return UsStates.names();
    }

    @ModelAttribute("licenseStatuses")
    LicenseStatus[] licenseStatuses() {
        return LicenseStatus.values();
    }

    @ModelAttribute("affiliationKinds")
    AffiliationKind[] affiliationKinds() {
        return AffiliationKind.values();
    }

    @GetMapping("/admin/reviewers")
    String list(@RequestParam(required = false) String specialty, @RequestParam(required = false) String state,
                @RequestParam(defaultValue = "name") String sort, Model model) {
        List<ReviewerPanel.Member> members = panel.members(Actor.current());
        LocalDate today = time.today();
        model.addAttribute("panelSpecialties", new TreeSet<>(members.stream()
                .flatMap(m -> m.reviewer().specialties().stream()).toList()));
        model.addAttribute("panelStates", new TreeSet<>(members.stream()
                .flatMap(m -> m.reviewer().licenseStates().stream()).toList()));
        List<Row> rows = members.stream()
                .filter(m -> blank(specialty) || m.reviewer().specialties().contains(specialty))
                .filter(m -> blank(state) || m.reviewer().licenseStates().contains(state))
                .map(m -> new Row(m, standing(m, today)))
                .sorted(order(sort)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", members.size());
        model.addAttribute("specialty", specialty);
        model.addAttribute("state", state);
        model.addAttribute("sort", sort);
        return LIST;
    }

    @GetMapping("/admin/reviewers/new")
    String initCreationForm(Model model) {
        Actor.current().require(Role.ADMIN);
        model.addAttribute("reviewerForm", ReviewerForm.blank());
        return FORM;
    }

    @PostMapping("/admin/reviewers/new")
    String processCreationForm(@ModelAttribute("reviewerForm") ReviewerForm form, BindingResult result,
                               @RequestParam(required = false) String add, RedirectAttributes redirect) {
        Actor actor = Actor.current();
        actor.require(Role.ADMIN);
        if (add != null) {
            return withRowAdded(form, add);
        }
        try {
            if (!result.hasErrors()) {
                long id = panel.register(form.toEntry(), actor);
                redirect.addFlashAttribute("message", "reviewers.registered");
                redirect.addFlashAttribute("messageArg", form.getDisplayName().strip());
                return "redirect:/admin/reviewers/" + id;
            }
            // a field that did not bind (a date, a number): the rest is checked too, nothing is stored
            ReviewerEntryRules.check(form.toEntry(), time.today()).errors()
                    .forEach((path, message) -> reject(result, form.formPath(path), message));
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((path, message) -> reject(result, form.formPath(path), message));
        }
        form.pad();
        return FORM;
    }

    @GetMapping("/admin/reviewers/{id}")
    String initUpdateForm(@PathVariable long id, Model model) {
        ReviewerPanel.Member member = panel.member(id, Actor.current());
        model.addAttribute("reviewerForm", ReviewerForm.of(member.profile()));
        return editing(member, model);
    }

    @PostMapping("/admin/reviewers/{id}")
    String processUpdateForm(@PathVariable long id, @ModelAttribute("reviewerForm") ReviewerForm form,
                             BindingResult result, @RequestParam(required = false) String add, Model model,
                             RedirectAttributes redirect) {
        Actor actor = Actor.current();
        ReviewerPanel.Member member = panel.member(id, actor);
        form.setUsername(member.reviewer().username());
        if (add != null) {
            editing(member, model);
            return withRowAdded(form, add);
        }
        try {
            if (!result.hasErrors()) {
                panel.replace(id, form.toEntry(), actor);
                redirect.addFlashAttribute("message", "reviewers.saved");
                redirect.addFlashAttribute("messageArg", form.getDisplayName().strip());
                return "redirect:/admin/reviewers/" + id;
            }
            ReviewerEntryRules.check(form.toEntry(), time.today()).errors()
                    .forEach((path, message) -> reject(result, form.formPath(path), message));
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((path, message) -> reject(result, form.formPath(path), message));
        } catch (ConflictException e) {
            // deactivating a reviewer who holds open cases: the form says which to reassign
            reject(result, "active", e.getMessage());
        }
        form.pad();
        return editing(member, model);
    }

    private String editing(ReviewerPanel.Member member, Model model) {
        model.addAttribute("reviewerId", member.reviewer().id());
        model.addAttribute("openCases", member.openCases());
        return FORM;
    }

    private static String withRowAdded(ReviewerForm form, String group) {
        form.addRow(group);
        form.pad();
        return FORM;
    }

    private static void reject(BindingResult result, String path, String message) {
        if (result.hasFieldErrors(path)) {
            return; // the binding's own message ("Enter a date.") says it already
        }
        if (new BeanWrapperImpl(result.getTarget()).isReadableProperty(path)) {
            result.rejectValue(path, "reviewer.rejected", message);
        } else {
            result.reject("reviewer.rejected", message);
        }
    }

    /** A reviewer on the panel page, with what keeps them from being offered cases today. */
    record Row(ReviewerPanel.Member member, List<Standing> standing) {}

    /** One reason a reviewer is not offered cases, as a message key and its argument. */
    record Standing(String key, String argument) {}

    private List<Standing> standing(ReviewerPanel.Member member, LocalDate today) {
        Reviewer reviewer = member.reviewer();
        ReviewerProfile profile = member.profile();
        List<Standing> standing = new ArrayList<>();
        if (!reviewer.active()) {
            standing.add(new Standing("reviewers.standing.inactive", null));
        }
        if (reviewer.licenses().stream().noneMatch(license -> license.validOn(today))) {
            standing.add(new Standing("reviewers.standing.noLicense", null));
        }
        if (profile.sanctions().stream().anyMatch(s -> s.inForceOn(today))) {
            standing.add(new Standing("reviewers.standing.sanction", null));
        }
        profile.leaves().stream().filter(l -> l.covers(today)).findFirst()
                .ifPresent(l -> standing.add(new Standing("reviewers.standing.leave", dates.date(l.endsOn()))));
        if (!reviewer.meetsPracticeStandards()) {
            standing.add(new Standing("reviewers.standing.practice", null));
        }
        if (member.openCases() >= reviewer.capacity()) {
            standing.add(new Standing("reviewers.standing.full", null));
        }
        return standing;
    }

    private static Comparator<Row> order(String sort) {
        Comparator<Row> byName = Comparator.comparing(row -> row.member().reviewer().fullName());
        return switch (sort) {
            case "openCases" -> Comparator.<Row>comparingLong(row -> row.member().openCases()).reversed()
                    .thenComparing(byName);
            case "capacity" -> Comparator.<Row>comparingInt(row -> row.member().reviewer().capacity()).reversed()
                    .thenComparing(byName);
            default -> byName;
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
