package org.imrflow.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.NotFoundException;
import org.imrflow.audit.AuditLog;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.intake.CaseFiles;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.security.UserAccounts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administration of the reviewer panel: administrators register reviewers, each linked to a user with the
 * reviewer role, and replace what is recorded of them. Every entry is checked whole before anything is stored
 * ({@link ReviewerEntryRules}), every change is audited, and a reviewer who holds open cases cannot be deactivated
 * until they are reassigned. Reviewer names go to the audit log, which is staff-only, and never to the application log.
 */
@Service
public class ReviewerPanel {

    private final ReviewerRegistry registry;
    private final ReviewerAssignments assignments;
    private final UserAccounts users;
    private final CaseFiles cases;
    private final BusinessTime time;
    private final AuditLog audit;

    ReviewerPanel(ReviewerRegistry registry, ReviewerAssignments assignments, UserAccounts users, CaseFiles cases,
                  BusinessTime time, AuditLog audit) {
        this.registry = registry;
        this.assignments = assignments;
        this.users = users;
        this.cases = cases;
        this.time = time;
        this.audit = audit;
    }

    /** A reviewer as administrators see them: everything recorded, and the open cases they hold now. */
    public record Member(ReviewerProfile profile, long openCases) {

        public Reviewer reviewer() {
            return profile.reviewer();
        }
    }

    /** The whole panel, active or not, by name. */
    @Transactional(readOnly = true)
    public List<Member> members(Actor actor) {
        actor.require(Role.ADMIN);
        Map<Long, Long> open = assignments.openAssignmentsByReviewer();
        return registry.allProfiles().stream()
                .map(p -> new Member(p, open.getOrDefault(p.reviewer().id(), 0L))).toList();
    }

    @Transactional(readOnly = true)
    public Member member(long id, Actor actor) {
        actor.require(Role.ADMIN);
        ReviewerProfile profile = registry.profile(id).orElseThrow(() -> notFound(id));
        return new Member(profile, assignments.openCaseIds(id).size());
    }

    /** Registers a reviewer for a user who holds the reviewer role and is not on the panel yet; returns the new id. */
    @Transactional
    public long register(ReviewerEntry entry, Actor actor) {
        actor.require(Role.ADMIN);
        ReviewerEntryRules.Checked checked = ReviewerEntryRules.check(entry, time.today());
        Map<String, String> errors = new LinkedHashMap<>();
        usernameProblem(checked.profile().reviewer().username()).ifPresent(problem -> errors.put("username", problem));
        errors.putAll(checked.errors());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id;
        try {
            id = registry.add(checked.profile());
        } catch (DuplicateKeyException e) {
            // another administrator registered the same user since the check above
            throw InvalidInputException.of("username", "This user is already on the panel.");
        }
        Reviewer reviewer = checked.profile().reviewer();
        audit.record("REVIEWER_REGISTERED", null, who(id, reviewer) + ": " + credentials(reviewer)
                + (reviewer.active() ? "" : "; inactive"));
        return id;
    }

    /**
     * Replaces what is recorded of a reviewer; the user behind them stays. A reviewer who holds open cases is not
     * deactivated: the conflict names the cases to reassign first.
     */
    @Transactional
    public void replace(long id, ReviewerEntry entry, Actor actor) {
        actor.require(Role.ADMIN);
        ReviewerProfile before = registry.profile(id).orElseThrow(() -> notFound(id));
        String username = before.reviewer().username();
        ReviewerEntryRules.Checked checked = ReviewerEntryRules.check(entry, time.today());
        Map<String, String> errors = new LinkedHashMap<>();
        String given = checked.profile().reviewer().username();
        if (!given.isEmpty() && !given.equals(username)) {
            errors.put("username", "A reviewer's user cannot change (it is " + username
                    + "); register the other user as a new reviewer.");
        }
        errors.putAll(checked.errors());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ReviewerProfile after = withUsername(checked.profile(), username);
        if (before.reviewer().active() && !after.reviewer().active()) {
            List<String> open = assignments.openCaseIds(id).stream().map(c -> cases.byId(c).caseNumber()).toList();
            if (!open.isEmpty()) {
                throw new ConflictException("The reviewer holds " + open.size() + " open case(s). Reassign "
                        + String.join(", ", open) + " first, then deactivate the reviewer; nothing was changed.",
                        Map.of("openCases", open));
            }
        }
        registry.replace(id, after);
        audit.record("REVIEWER_CHANGED", null, who(id, after.reviewer()) + ": " + changes(before, after));
    }

    private Optional<String> usernameProblem(String username) {
        if (username.isEmpty()) {
            return Optional.of("Enter the user name the reviewer signs in with.");
        }
        if (!users.exists(username)) {
            return Optional.of("There is no user " + username + "; create the user with the role "
                    + "REVIEWER first.");
        }
        if (!users.rolesOf(username).contains(Role.REVIEWER)) {
            return Optional.of("The user " + username + " does not have the role REVIEWER; give it to "
                    + "them first.");
        }
        return registry.findByUsername(username)
                .map(existing -> "The user " + username + " is already on the panel (reviewer " + existing.id() + ").");
    }

    private static ReviewerProfile withUsername(ReviewerProfile profile, String username) {
        Reviewer r = profile.reviewer();
        return new ReviewerProfile(new Reviewer(r.id(), username, r.fullName(), r.licenses(), r.specialties(),
                r.active(), r.yearsInPractice(), r.weeklyHours(), r.capacity()),
                profile.sanctions(), profile.leaves(), profile.affiliations());
    }

    /** What a change touched, by field, for the audit log: "capacity 10 -> 12; licenses; deactivated". */
    private static String changes(ReviewerProfile before, ReviewerProfile after) {
        Reviewer b = before.reviewer();
        Reviewer a = after.reviewer();
        List<String> changed = new ArrayList<>();
        if (!b.fullName().equals(a.fullName())) {
            changed.add("name");
        }
        if (!b.licenses().equals(a.licenses())) {
            changed.add("licenses " + String.join(", ", a.licenseStates()));
        }
        if (!b.specialties().equals(a.specialties())) {
            changed.add("specialties " + String.join(", ", a.specialties()));
        }
        change(changed, "years in practice", b.yearsInPractice(), a.yearsInPractice());
        change(changed, "hours per week", b.weeklyHours(), a.weeklyHours());
        change(changed, "capacity", b.capacity(), a.capacity());
        if (!before.affiliations().equals(after.affiliations())) {
            changed.add("affiliations");
        }
        if (!before.sanctions().equals(after.sanctions())) {
            changed.add("sanctions");
        }
        if (!before.leaves().equals(after.leaves())) {
            changed.add("leave");
        }
        if (b.active() != a.active()) {
            changed.add(a.active() ? "reactivated" : "deactivated");
        }
        return changed.isEmpty() ? "no change" : String.join("; ", changed);
    }

    private static void change(List<String> changed, String field, int before, int after) {
        if (!Objects.equals(before, after)) {
            changed.add(field + " " + before + " -> " + after);
        }
    }

    private static String who(long id, Reviewer reviewer) {
        return "reviewer " + id + " " + reviewer.username() + " (" + reviewer.fullName() + ")";
    }

    private static String credentials(Reviewer reviewer) {
        return String.join(", ", reviewer.licenseStates()) + " | " + String.join(", ", reviewer.specialties())
                + "; capacity " + reviewer.capacity();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("There is no reviewer " + id + ".");
    }
}
