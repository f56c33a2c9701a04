package org.imrflow.assignment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.imrflow.security.Actor;
import org.imrflow.web.ApiController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The reviewer panel for administrators. States by name as letters print them ("California"; a postal code is
 * accepted), specialties by their printed name, dates ISO. A bad field is a 400 naming it; deactivating a reviewer
 * who holds open cases is a 409 listing them.
 */
@ApiController("/api/admin/reviewers")
@Tag(name = "Reviewer panel")
class ReviewerApi {

    private final ReviewerPanel panel;

    ReviewerApi(ReviewerPanel panel) {
        this.panel = panel;
    }

    @GetMapping
    @Operation(summary = "Every reviewer of the panel, active or not, by name (administrators)")
    List<ReviewerJson> list() {
        return panel.members(Actor.current()).stream().map(ReviewerJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A reviewer with licenses, specialties, affiliations, sanctions, leave and open cases "
            + "(administrators)")
    ReviewerJson get(@PathVariable long id) {
        return ReviewerJson.of(panel.member(id, Actor.current()));
    }

    @PostMapping
    @Operation(summary = "Register a reviewer for a user with the role REVIEWER (administrators)")
    ResponseEntity<ReviewerJson> register(@RequestBody ReviewerEntry entry) {
        Actor actor = Actor.current();
        long id = panel.register(entry, actor);
        return ResponseEntity.created(URI.create("/api/admin/reviewers/" + id)).body(ReviewerJson.of(panel.member(id, actor)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace what is recorded of a reviewer; the user stays (administrators). Deactivating a "
            + "reviewer who holds open cases is refused until they are reassigned")
    ReviewerJson replace(@PathVariable long id, @RequestBody ReviewerEntry entry) {
        Actor actor = Actor.current();
        panel.replace(id, entry, actor);
        return ReviewerJson.of(panel.member(id, actor));
    }

    /** A reviewer as the API shows them; the same fields are accepted back ({@link ReviewerEntry}). */
    record ReviewerJson(long id, String username, String displayName, boolean active, List<LicenseJson> licenses,
                        List<String> specialties, int yearsInPractice, int hoursPerWeek, int capacity,
                        List<Affiliation> affiliations, List<Sanction> sanctions, List<Leave> leaves, long openCases) {

        static ReviewerJson of(ReviewerPanel.Member member) {
            Reviewer r = member.reviewer();
            ReviewerProfile p = member.profile();
            return new ReviewerJson(r.id(), r.username(), r.fullName(), r.active(),
                    r.licenses().stream().map(l -> new LicenseJson(l.state(), l.number(), l.status(), l.expiresOn()))
                            .toList(),
                    r.specialties(), r.yearsInPractice(), r.weeklyHours(), r.capacity(), p.affiliations(),
                    p.sanctions(), p.leaves(), member.openCases());
        }
    }

    record LicenseJson(String state, String number, LicenseStatus status, LocalDate expires) {}
}
