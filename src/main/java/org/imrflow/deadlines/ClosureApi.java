package org.imrflow.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.imrflow.NotFoundException;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.web.ApiController;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** One-off closures of the business calendar, for administrators. Dates are ISO (2026-12-24). */
@ApiController("/api/admin/closures")
@Tag(name = "Business calendar")
class ClosureApi {

    private final BusinessCalendars calendars;

    ClosureApi(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping
    @Operation(summary = "The recorded closures, by date (administrators)")
    List<Closure> list() {
        Actor.current().require(Role.ADMIN);
        return calendars.closures();
    }

    @GetMapping("/{date}")
    @Operation(summary = "The closure of a date (administrators)")
    Closure get(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Actor.current().require(Role.ADMIN);
        return calendars.closure(date).orElseThrow(() -> noClosure(date));
    }

    @PostMapping
    @Operation(summary = "Close the offices on a weekday that is not a holiday (administrators); "
            + "deadlines already computed keep their due dates")
    ResponseEntity<Closure> add(@RequestBody NewClosure closure) {
        calendars.addClosure(closure.date(), closure.name(), Actor.current());
        Closure stored = calendars.closure(closure.date()).orElseThrow(() -> noClosure(closure.date()));
        return ResponseEntity.created(URI.create("/api/admin/closures/" + stored.date())).body(stored);
    }

    @DeleteMapping("/{date}")
    @Operation(summary = "Remove a closure (administrators)")
    ResponseEntity<Void> remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        calendars.removeClosure(date, Actor.current());
        return ResponseEntity.noContent().build();
    }

    /** A closure as a client asks for it; either field may be missing, and the service says which. */
    record NewClosure(LocalDate date, String name) {}

    private static NotFoundException noClosure(LocalDate date) {
        return new NotFoundException("There is no closure on " + date + ".");
    }
}
