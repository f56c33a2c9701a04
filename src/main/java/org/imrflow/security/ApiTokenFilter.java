package org.imrflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.imrflow.audit.AuditLog;
import org.imrflow.web.ServiceUnavailable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an API request that presents a personal API token ({@code Authorization: Bearer imr_...}); a request
 * without one goes on to HTTP Basic. A request from an address that {@link LoginThrottle} locked is refused before
 * the token is looked at; otherwise the token is looked up by its hash, once, whatever it is ({@link ApiTokens#check}).
 * Every refusal is the same 401 ({@link ApiAuthenticationFailures#refuseToken}), audited with its reason and the
 * token's id when there is one, and counted against the address like a wrong password, so that guessing is throttled.
 * A 403 answered to a token is audited too.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer";

    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final ApiAuthenticationFailures failures;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenFilter(ApiTokens tokens, LoginThrottle throttle, AuditLog audit, ApiAuthenticationFailures failures) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || (header.length() > BEARER.length() && header.charAt(BEARER.length()) != ' ')) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(BEARER.length()).strip();
        String address = request.getRemoteAddr();
        ApiTokens.Presented token;
        try {
            if (throttle.addressLocked(address)) {
                failures.refuseToken(response); // the lock was audited when it began
                return;
            }
            Optional<ApiTokens.Presented> found = tokens.check(secret);
            String refusal = !ApiTokens.wellFormed(secret) ? "malformed token"
                    : found.isEmpty() ? "unknown token"
                    : found.get().refusal().orElse(null);
            if (refusal != null) {
                refuse(found.orElse(null), refusal, address, response);
                return;
            }
            token = found.get();
            tokens.used(token);
        } catch (DataAccessException e) {
            if (!ServiceUnavailable.isDatabaseOutage(e)) {
                throw e;
            }
            ServiceUnavailable.refuse(request, response, ServiceUnavailable.DATABASE_OUT);
            return;
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(token.username(), token.id(), token.roles()));
        holder.setContext(context);
        try {
            chain.doFilter(request, response);
            if (response.getStatus() == HttpStatus.FORBIDDEN.value()) {
                audit.recordAs(token.username(), "API_TOKEN_REFUSED", null, "forbidden: token " + token.id()
                        + " with the roles " + ApiTokens.names(token.roles()) + " may not " + request.getMethod() + " "
                        + request.getRequestURI());
            }
        } finally {
            holder.clearContext();
        }
    }

    private void refuse(ApiTokens.Presented token, String reason, String address, HttpServletResponse response)
            throws IOException {
        String actor = token == null ? "anonymous" : token.username();
        audit.recordAs(actor, "API_TOKEN_REFUSED", null,
                reason + (token == null ? "" : ": token " + token.id()) + ", from " + address);
        throttle.tokenRefused(address);
        failures.refuseToken(response);
    }
}
