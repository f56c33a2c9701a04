package org.imrflow.security;

import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request signed in with a personal API token: its user, with the token's roles that the user still has. It is no
 * password sign-in, so it cannot issue tokens.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final long tokenId;

    ApiTokenAuthentication(String username, long tokenId, Set<Role> roles) {
        super(roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.username = username;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    long tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return null; // the secret is not kept
    }

    @Override
    public Object getPrincipal() {
        return username;
    }
}
