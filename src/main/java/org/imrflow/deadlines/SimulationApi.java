package org.imrflow.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.imrflow.InvalidInputException;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The simulated time for administrators: {@code {"now": "..."}} or {@code {"advance": "P3D"}}. */
@ApiController("/api/admin/clock")
@Tag(name = "Simulation")
class SimulationApi {

    private final Simulation simulation;

    SimulationApi(Simulation simulation) {
        this.simulation = simulation;
    }

    @GetMapping
    @Operation(summary = "The time now, and how far a simulation runs ahead of real time (administrators)")
    Simulation.State state() {
        Actor.current().require(Role.ADMIN);
        return simulation.state();
    }

    @PostMapping
    @Operation(summary = "Move the simulated time forward: set it (now) or advance it (an ISO duration)")
    Simulation.State move(@RequestBody ClockChange change) {
        Actor actor = Actor.current();
        actor.require(Role.ADMIN);
        if ((change.now() == null) == (change.advance() == null)) {
            throw InvalidInputException.of("now", "Give either now (a date and time) or advance (a duration such as P3D).");
        }
        return change.now() != null ? simulation.setNow(change.now().toInstant(), actor)
                : simulation.advance(change.advance(), actor);
    }

    record ClockChange(OffsetDateTime now, Duration advance) {}
}
