package org.imrflow.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.NotFoundException;
import org.imrflow.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User administration, for administrators only: the users, creating one, changing their name, roles and whether
 * they are active, and setting a new password. Every change is audited, never with a password. The organization
 * always keeps an active administrator, and no administrator can lock themselves out.
 */
@Service
class UserManagement {

    private final UserAccounts users;
    private final AuditLog audit;

    UserManagement(UserAccounts users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    /** Users whose username or full name contains {@code text} (any, if blank), with the role and activity given. */
    @Transactional(readOnly = true)
    public List<UserAccount> list(String text, Role role, Boolean active, Actor actor) {
        actor.require(Role.ADMIN);
        String trimmed = UserRules.trimmed(text);
        return users.search(trimmed == null || trimmed.isEmpty() ? null : trimmed, role, active);
    }

    @Transactional(readOnly = true)
    public UserAccount get(String username, Actor actor) {
        actor.require(Role.ADMIN);
        return users.find(username).orElseThrow(() -> noSuchUser(username));
    }

    @Transactional(readOnly = true)
    public UserAccounts.AccountDates dates(String username, Actor actor) {
        actor.require(Role.ADMIN);
        return users.dates(username);
    }

    /** Creates an active user; every field error is collected before anything is stored. */
    @Transactional
    public UserAccount create(NewUser user, Actor actor) {
        actor.require(Role.ADMIN);
        String username = UserRules.trimmed(user.username());
        String fullName = UserRules.trimmed(user.fullName());
        Map<String, String> errors = problems(user);
        if (!errors.containsKey("username") && users.exists(username)) {
            errors.put("username", taken(username));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Set<Role> roles = EnumSet.copyOf(user.roles());
        if (!users.insert(username, user.password(), fullName, roles)) {
            // another administrator created the same username since the check above
            throw InvalidInputException.of("username", taken(username));
        }
        audit.recordAs(actor.username(), "USER_CREATED", null, username + " (" + fullName + "): roles " + names(roles));
        return users.find(username).orElseThrow();
    }

    /**
     * The field errors of a new user as the rules see them, without looking at the users stored: the pages check a
     * form with it before they ask for anything to be stored.
     */
    static Map<String, String> problems(NewUser user) {
        String username = UserRules.trimmed(user.username());
        Map<String, String> errors = new LinkedHashMap<>();
        UserRules.usernameProblem(username).ifPresent(problem -> errors.put("username", problem));
        UserRules.fullNameProblem(UserRules.trimmed(user.fullName())).ifPresent(problem -> errors.put("fullName", problem));
        UserRules.rolesProblem(user.roles()).ifPresent(problem -> errors.put("roles", problem));
        UserRules.passwordProblem(user.password(), username).ifPresent(problem -> errors.put("password", problem));
        return errors;
    }

    /**
     * Changes a user's full name, roles and whether they are active. An administrator cannot deactivate themselves
     * or give up their own ADMIN role, and the last active administrator stays one (409).
     */
    @Transactional
    public UserAccount update(String username, UserChange change, Actor actor) {
        actor.require(Role.ADMIN);
        // the administrators first, then the user, always in this order, so that concurrent changes cannot deadlock
        List<String> administrators = users.lockActiveAdministrators();
        UserAccount before = users.lock(username).orElseThrow(() -> noSuchUser(username));
        String fullName = UserRules.trimmed(change.fullName());
        Map<String, String> errors = new LinkedHashMap<>();
        UserRules.fullNameProblem(fullName).ifPresent(problem -> errors.put("fullName", problem));
        UserRules.rolesProblem(change.roles()).ifPresent(problem -> errors.put("roles", problem));
        if (change.active() == null) {
            errors.put("active", "Say whether the user is active (true) or deactivated (false).");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UserAccount after = new UserAccount(username, fullName, EnumSet.copyOf(change.roles()), change.active(),
                before.createdAt());
        if (before.activeAdministrator() && !after.activeAdministrator()) {
            if (username.equals(actor.username())) {
                throw new ConflictException(after.active()
                        ? "You cannot remove your own administrator role; another administrator can."
                        : "You cannot deactivate yourself; another administrator can.");
            }
            if (administrators.equals(List.of(username))) {
                throw new ConflictException(username + " is the last active administrator and stays one: "
                        + "make another user an administrator first.");
            }
        }
        String changes = changes(before, after);
        if (!changes.isEmpty()) {
            users.update(username, fullName, after.roles(), after.active());
            audit.recordAs(actor.username(), "USER_UPDATED", null, username + ": " + changes);
        }
        return users.find(username).orElseThrow();
    }

    /** Sets a user's password to one the administrator typed; the user's old password stops working at once. */
    @Transactional
    public void resetPassword(String username, String password, Actor actor) {
        actor.require(Role.ADMIN);
        users.lock(username).orElseThrow(() -> noSuchUser(username));
        UserRules.passwordProblem(password, username).ifPresent(problem -> {
            throw InvalidInputException.of("password", problem);
        });
        users.changePassword(username, password);
        audit.recordAs(actor.username(), "USER_PASSWORD_RESET", null, username + ": new password set by an administrator");
    }

    /**
     * Creates the first administrator if there is no active one (cluster mode's start-up); answers whether it did.
     * The settings' problems are field errors as for any new user.
     */
    @Transactional
    public boolean createInitialAdministrator(String username, String password) {
        if (!users.lockActiveAdministrators().isEmpty()) {
            return false;
        }
        NewUser administrator = new NewUser(username, "Administrator", List.of(Role.ADMIN), password);
        String trimmed = UserRules.trimmed(username);
        Map<String, String> errors = problems(administrator);
        if (errors.isEmpty()) {
            Optional<UserAccount> existing = users.find(trimmed);
            if (existing.isPresent() && existing.get().activeAdministrator()) {
                return false; // another instance of the application, starting at the same time, was first
            }
            if (existing.isPresent()) {
                errors.put("username", "The user " + trimmed
                        + " exists but is not an active administrator; choose a username that is not taken.");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!users.insert(trimmed, password, administrator.fullName(), EnumSet.of(Role.ADMIN))) {
            return false; // another instance of the application, starting at the same time, was first
        }
        audit.recordAs(AuditLog.SYSTEM, "USER_CREATED", null, trimmed + " (" + administrator.fullName()
                + "): roles ADMIN; the initial administrator, from imr.admin");
        return true;
    }

    private static String changes(UserAccount before, UserAccount after) {
        List<String> changes = new ArrayList<>();
        if (!before.fullName().equals(after.fullName())) {
            changes.add("full name " + before.fullName() + " -> " + after.fullName());
        }
        if (!before.roles().equals(after.roles())) {
            changes.add("roles " + names(before.roles()) + " -> " + names(after.roles()));
        }
        if (before.active() != after.active()) {
            changes.add(after.active() ? "reactivated" : "deactivated");
        }
        return String.join("; ", changes);
    }

    private static String names(Collection<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(", "));
    }

    private static String taken(String username) {
        return "The username " + username + " is taken; choose another.";
    }

    private static NotFoundException noSuchUser(String username) {
        return new NotFoundException("There is no user " + username + ".");
    }

    /** A new user as an administrator enters it; any field may be missing, and the rules say which. */
    record NewUser(String username, String fullName, List<Role> roles, String password) {

        @Override
        public String toString() {
            return "NewUser[username=" + username + ", fullName=" + fullName + ", roles=" + roles + ", password=***]";
        }
    }

    /** A change of a user's full name, roles and whether they are active; all three are required. */
    record UserChange(String fullName, List<Role> roles, Boolean active) {}
}
