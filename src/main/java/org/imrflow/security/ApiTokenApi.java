package org.imrflow.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.imrflow.NotFoundException;
import org.imrflow.web.ApiController;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Personal API tokens: one's own, and, for administrators, every user's. Never a secret but once, when issued. */
@ApiController("/api")
@Tag(name = "API tokens")
class ApiTokenApi {

    private final ApiTokens tokens;

    ApiTokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/tokens")
    @Operation(summary = "Issue a personal API token, signed in with your password (HTTP Basic), never with a token. "
            + "name: 1 to 100 characters; days: 1 to imr.api-tokens.max-days (365), 30 if left out; roles: some of "
            + "yours, all of them if left out. The answer holds the secret (token), shown this once; send it as "
            + "'Authorization: Bearer imr_...'")
    ResponseEntity<ApiTokens.IssuedToken> issue(@RequestBody NewToken body) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
            throw new AccessDeniedException("A token cannot issue tokens: sign in with your password to issue one.");
        }
        ApiTokens.IssuedToken issued = tokens.issue(Actor.current(), body.name(), body.days(), body.roles());
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.id())).body(issued);
    }

    @GetMapping("/tokens")
    @Operation(summary = "Your API tokens, newest first, without their secrets")
    List<ApiToken> list() {
        return tokens.list(Actor.current().username());
    }

    @GetMapping("/tokens/{id}")
    @Operation(summary = "One of your API tokens, without its secret")
    ApiToken get(@PathVariable long id) {
        return tokens.list(Actor.current().username()).stream().filter(token -> token.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no token " + id + " of yours."));
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke one of your API tokens: it stops working at once (revoking it again changes nothing)")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        Actor actor = Actor.current();
        tokens.revoke(id, actor.username(), actor);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/admin/users/{username}/tokens")
    @Operation(summary = "A user's API tokens, without their secrets (administrators)")
    List<ApiToken> listOf(@PathVariable String username) {
        return tokens.listOf(username, Actor.current());
    }

    @DeleteMapping("/admin/users/{username}/tokens/{id}")
    @Operation(summary = "Revoke a user's API token (administrators)")
    ResponseEntity<Void> revokeOf(@PathVariable String username, @PathVariable long id) {
        Actor actor = Actor.current();
        actor.require(Role.ADMIN);
        tokens.revoke(id, username, actor);
        return ResponseEntity.noContent().build();
    }

    /** A token to issue, as its user asks for it; the rules say which fields may be missing. */
    record NewToken(String name, Integer days, List<Role> roles) {}
}
