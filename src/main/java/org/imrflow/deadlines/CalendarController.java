package org.imrflow.deadlines;

import java.time.LocalDate;
import java.util.Map;
import org.imrflow.InvalidInputException;
import org.imrflow.NotFoundException;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.web.Dates;
import org.imrflow.web.PageController;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The business calendar page for administrators: a year's holidays and closures, adding and removing a closure.
 */
@PageController
class CalendarController {

    private static final String VIEW = "admin/calendar";
    // the rules are today's law: far-off years would show holidays the state did not or may not keep
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final BusinessCalendars calendars;
    private final BusinessTime clocks;
    private final Dates dates;

    CalendarController(BusinessCalendars calendars, BusinessTime clocks, Dates dates) {
        this.calendars = calendars;
        this.clocks = clocks;
        this.dates = dates;
    }

    @GetMapping("/admin/calendar")
    String show(@RequestParam(required = false) Integer year, Model model) {
        Actor.current().require(Role.ADMIN);
        model.addAttribute("newClosure", new ClosureForm());
        return page(year == null ? clocks.today().getYear() : year, model);
    }

    @PostMapping("/admin/calendar/closures")
    String addClosure(@ModelAttribute("newClosure") ClosureForm form, BindingResult result,
                      @RequestParam(required = false) Integer year, Model model, RedirectAttributes redirect) {
        Actor actor = Actor.current();
        actor.require(Role.ADMIN);
        try {
            // also when the date did not bind: it is then missing, so nothing is stored, and the name is checked too
            calendars.addClosure(form.getDate(), form.getName(), actor);
        } catch (InvalidInputException e) {
            for (Map.Entry<String, String> error : e.fieldErrors().entrySet()) {
                if (!result.hasFieldErrors(error.getKey())) {
                    result.rejectValue(error.getKey(), "closure.invalid", error.getValue());
                }
            }
        }
        if (result.hasErrors()) {
            return page(year != null ? year : clocks.today().getYear(), model);
        }
        redirect.addFlashAttribute("message", "calendar.closureAdded");
        redirect.addFlashAttribute("messageArg", dates.date(form.getDate()));
        return "redirect:/admin/calendar?year=" + form.getDate().getYear();
    }

    @PostMapping("/admin/calendar/closures/{date}/remove")
    String removeClosure(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                         RedirectAttributes redirect) {
        try {
            calendars.removeClosure(date, Actor.current());
            redirect.addFlashAttribute("message", "calendar.closureRemoved");
            redirect.addFlashAttribute("messageArg", dates.date(date));
        } catch (NotFoundException e) {
            // most likely a second click, or another administrator was first: the page shows where things stand
            redirect.addFlashAttribute("errorText", e.getMessage());
        }
        return "redirect:/admin/calendar?year=" + date.getYear();
    }

    private String page(int year, Model model) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new NotFoundException("The calendar shows the years " + FIRST_YEAR + " to " + LAST_YEAR + ".");
        }
        model.addAttribute("year", year);
        model.addAttribute("previousYear", year > FIRST_YEAR ? year - 1 : null);
        model.addAttribute("nextYear", year < LAST_YEAR ? year + 1 : null);
        model.addAttribute("holidays", calendars.current().holidays(year));
        return VIEW;
    }
}
