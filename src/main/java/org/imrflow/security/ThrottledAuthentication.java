package org.imrflow.security;

import org.imrflow.web.ServiceUnavailable;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and HTTP Basic) through {@link LoginThrottle}: a locked user or address is refused first,
 * and every outcome is counted and audited there (in PostgreSQL: an outage fails the sign-in as an internal error,
 * which the failure handlers answer 503). An unknown user name fails exactly as a wrong password does.
 */
class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    /** {@code passwords} must report unknown users as {@link UsernameNotFoundException}, not hide them. */
    ThrottledAuthentication(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        try {
            return throttled(attempt);
        } catch (DataAccessException e) {
            if (!ServiceUnavailable.isDatabaseOutage(e)) {
                throw e;
            }
            // the counts are in the database: its outage is answered 503 by the failure handlers, like the password's
            throw new InternalAuthenticationServiceException("The sign-in throttle could not reach the database", e);
        }
    }

    private Authentication throttled(Authentication attempt) {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "an unknown address";
        if (throttle.locked(username, address)) {
            throw new LockedException("Too many failed sign-ins; try again later.");
        }
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            throttle.succeeded(username);
            return authenticated;
        } catch (UsernameNotFoundException e) {
            throttle.unknownUser(address);
            throw new BadCredentialsException("Bad credentials");
        } catch (BadCredentialsException e) {
            throttle.failed(username, address, "wrong password");
            throw e;
        } catch (DisabledException e) {
            throttle.failed(username, address, "account deactivated");
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
