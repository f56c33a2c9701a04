package org.imrflow.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.imrflow.web.ApiController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** The users, for administrators: never a password or its hash. */
@ApiController("/api/admin/users")
@Tag(name = "Users")
class UserAdminApi {

    private final UserManagement users;

    UserAdminApi(UserManagement users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "The users, by username (administrators)")
    List<UserAccount> list(@Parameter(description = "part of the username or full name") @RequestParam(required = false) String q,
                           @Parameter(description = "only users with this role") @RequestParam(required = false) Role role,
                           @Parameter(description = "only active (true) or deactivated (false) users")
                           @RequestParam(required = false) Boolean active) {
        return users.list(q, role, active, Actor.current());
    }

    @GetMapping("/{username}")
    @Operation(summary = "A user (administrators)")
    UserAccount get(@PathVariable String username) {
        return users.get(username, Actor.current());
    }

    @PostMapping
    @Operation(summary = "Create an active user (administrators): username of 3 to 64 characters [a-z0-9._-], "
            + "full name, at least one role, password of at least 12 characters; a taken username is a 400 naming it")
    ResponseEntity<UserAccount> create(@RequestBody UserManagement.NewUser user) {
        UserAccount created = users.create(user, Actor.current());
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(created);
    }

    @PutMapping("/{username}")
    @Operation(summary = "Change a user's full name, roles and whether they are active (administrators); "
            + "409 when an administrator would deactivate themselves or drop their own ADMIN role, or when no "
            + "active administrator would be left. A deactivated user cannot sign in, and their sessions end.")
    UserAccount update(@PathVariable String username, @RequestBody UserManagement.UserChange change) {
        return users.update(username, change, Actor.current());
    }

    @PostMapping("/{username}/password")
    @Operation(summary = "Set a user's password to a new one of at least 12 characters (administrators)")
    ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody NewPassword body) {
        users.resetPassword(username, body.password(), Actor.current());
        return ResponseEntity.noContent().build();
    }

    /** The new password, as the administrator typed it. */
    record NewPassword(String password) {

        @Override
        public String toString() {
            return "NewPassword[***]";
        }
    }
}
