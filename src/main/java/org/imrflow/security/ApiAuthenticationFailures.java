package org.imrflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.imrflow.web.ProblemResponses;
import org.imrflow.web.ServiceUnavailable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's answers when sign-in fails or is not enough, as problem details: 401 with the
 * {@code WWW-Authenticate} challenge, 403, and 503 when the user could not be looked up because the database is
 * out (an outage is not bad credentials). Scripts that use HTTP Basic on the web pages get the same. A refused API
 * token gets one answer whatever the reason ({@link #refuseToken}).
 */
class ApiAuthenticationFailures implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String CHALLENGE = "Basic realm=\"imrflow\", charset=\"UTF-8\"";
    static final String TOKEN_CHALLENGE = "Bearer realm=\"imrflow\", error=\"invalid_token\"";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (ServiceUnavailable.isDatabaseOutage(failure)) {
            ServiceUnavailable.refuse(request, response, ServiceUnavailable.DATABASE_OUT);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
                "Sign in with HTTP Basic (a user name and password) or a personal API token (Authorization: Bearer).");
    }

    /**
     * A presented API token that is refused, whatever the reason (malformed, unknown, revoked, expired, its user
     * deactivated, its address locked): the same answer for all, so that it tells nothing of which tokens exist.
     */
    void refuseToken(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, TOKEN_CHALLENGE);
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
                "The API token is not valid. Sign in with a valid token or with HTTP Basic.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, "You may not do this.");
    }
}
