package org.imrflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session in step with the user's account, at every request of the web UI: a user who was
 * deactivated, or whose password was set anew since the session began, is signed out (the request goes on as
 * anonymous, so a browser is sent to the login page), and a user whose roles an administrator changed acts with the
 * new roles at once. The API needs no such check: it signs in at every request. One primary-key read per request;
 * it works with several application instances, unlike a session registry.
 */
class AccountStatusFilter extends OncePerRequestFilter {

    /** The session's record of when the user's password was set, as it was at sign-in. */
    static final String PASSWORD_SET_AT = AccountStatusFilter.class.getName() + ".passwordSetAt";

    private final UserAccounts users;
    private final SecurityContextRepository contexts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    AccountStatusFilter(UserAccounts users, SecurityContextRepository contexts) {
        this.users = users;
        this.contexts = contexts;
    }

    /**
     * The handler of a successful sign-in: the new session records when the user's password was set, so that a
     * password set anew later ends it, then {@code next} sends the browser on.
     */
    static AuthenticationSuccessHandler recordingSignIn(UserAccounts users, AuthenticationSuccessHandler next) {
        return (request, response, authentication) -> {
            users.sessionCheck(authentication.getName()).ifPresent(account ->
                    request.getSession().setAttribute(PASSWORD_SET_AT, account.passwordChangedAt()));
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // static assets carry nothing to protect, and a page loads several
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated()) {
            Optional<UserAccounts.SessionCheck> account = users.sessionCheck(authentication.getName());
            if (account.isEmpty() || !account.get().active() || passwordSetSince(request, account.get().passwordChangedAt())) {
                signOut(request);
            } else if (!Actor.rolesOf(authentication).equals(account.get().roles())) {
                useRoles(account.get(), authentication, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the password was set after this session signed in. A session that has no record of it (HTTP Basic on a
     * page, or a session older than this check) records it now.
     */
    private static boolean passwordSetSince(HttpServletRequest request, Instant passwordChangedAt) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false; // HTTP Basic without a session: the password was checked just now
        }
        Object recorded = session.getAttribute(PASSWORD_SET_AT);
        if (recorded == null) {
            session.setAttribute(PASSWORD_SET_AT, passwordChangedAt);
            return false;
        }
        return !recorded.equals(passwordChangedAt);
    }

    private void signOut(HttpServletRequest request) {
        holder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void useRoles(UserAccounts.SessionCheck account, Authentication authentication, HttpServletRequest request,
                          HttpServletResponse response) {
        UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(
                authentication.getPrincipal(), null,
                account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        updated.setDetails(authentication.getDetails());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(updated);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
