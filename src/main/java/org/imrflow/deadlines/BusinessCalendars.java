package org.imrflow.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imrflow.InvalidInputException;
import org.imrflow.NotFoundException;
import org.imrflow.audit.AuditLog;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business calendar in force: California's state holidays plus the one-off closures administrators
 * record. Adding or removing a closure changes the business days of deadlines computed from then on; clocks
 * computed before keep the due dates they stored.
 */
@Service
public class BusinessCalendars {

    static final int NAME_LENGTH = 200;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private final BusinessClosures closures;
    private final AuditLog audit;

    BusinessCalendars(BusinessClosures closures, AuditLog audit) {
        this.closures = closures;
        this.audit = audit;
    }

    /** The state holidays and the closures recorded now; the table is small, so it is read on each call. */
    @Transactional(readOnly = true)
    public BusinessCalendar current() {
        return new BusinessCalendar(CaliforniaHolidays.rules(), closures.all());
    }

    /** Every recorded closure, by date. */
    @Transactional(readOnly = true)
    public List<Closure> closures() {
        return closures.all();
    }

    @Transactional(readOnly = true)
    public Optional<Closure> closure(LocalDate date) {
        return closures.find(date);
    }

    /**
     * Closes the offices on a weekday that is not a holiday (administrators). Clocks computed before keep their
     * stored due dates; only deadlines computed from now on count the closure.
     */
    @Transactional
    public void addClosure(LocalDate date, String name, Actor actor) {
        actor.require(Role.ADMIN);
        String trimmed = name == null ? "" : name.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (date == null) {
            errors.put("date", "Enter the date the offices are closed.");
        } else {
            dateProblem(date).ifPresent(problem -> errors.put("date", problem));
        }
        if (trimmed.isEmpty()) {
            errors.put("name", "Enter a name for the closure, such as Governor's closure.");
        } else if (trimmed.codePointCount(0, trimmed.length()) > NAME_LENGTH) {
            errors.put("name", "Use at most " + NAME_LENGTH + " characters.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!closures.insert(new Closure(date, trimmed), actor.username())) {
            // another administrator closed the day since the check above
            throw InvalidInputException.of("date", closures.find(date).map(existing -> alreadyClosed(date, existing.name()))
                    .orElse(SHOWN.format(date) + " already has a closure."));
        }
        audit.record("CLOSURE_ADDED", null, date + ": " + trimmed);
    }

    /**
     * Opens the offices again on a day closed by a closure (administrators). Clocks computed while the closure
     * stood keep their stored due dates.
     */
    @Transactional
    public void removeClosure(LocalDate date, Actor actor) {
        actor.require(Role.ADMIN);
        String name = closures.delete(date)
                .orElseThrow(() -> new NotFoundException("There is no closure on " + SHOWN.format(date) + "."));
        audit.record("CLOSURE_REMOVED", null, date + ": " + name);
    }

    private Optional<String> dateProblem(LocalDate date) {
        DayOfWeek weekday = date.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            return Optional.of(SHOWN.format(date) + " is a " + weekday.getDisplayName(TextStyle.FULL, Locale.US)
                    + ", never a business day; choose a weekday.");
        }
        Optional<String> holiday = BusinessCalendar.california().closedFor(date);
        if (holiday.isPresent()) {
            return Optional.of(SHOWN.format(date) + " is already a holiday: " + holiday.get() + ".");
        }
        return closures.find(date).map(existing -> alreadyClosed(date, existing.name()));
    }

    private static String alreadyClosed(LocalDate date, String name) {
        return SHOWN.format(date) + " already has a closure: " + name + ". Remove it first to rename it.";
    }
}
