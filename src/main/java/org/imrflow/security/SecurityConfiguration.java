package org.imrflow.security;

import org.imrflow.audit.AuditLog;
import org.imrflow.web.ServiceUnavailable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Two filter chains: the JSON API with personal API tokens or HTTP Basic and no session (so no cookie that a
 * cross-site request could ride on), and the web UI with form login, a session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No Micrometer observations of Spring Security's filter chains, authentications and authorizations: every request
     * has its own observation already ({@code http.server.requests}), and a profile under load found a fifth of a
     * request's CPU in observing the security filters one by one (docs/performance.md, "The test suite's time").
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt
    }

    /**
     * Sessions live in PostgreSQL (Spring Session JDBC): two requests of one session that set the same attribute at
     * once (a browser's parallel requests, a script's) write it with PostgreSQL's upsert, where the plain insert would
     * fail one of them on the attributes' primary key.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /** Password sign-in, throttled: locked users and addresses are refused before their password is checked. */
    @Bean
    AuthenticationProvider authenticationProvider(UserAccounts users, PasswordEncoder passwordEncoder,
                                                  LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setHideUserNotFoundExceptions(false);
        return new ThrottledAuthentication(passwords, throttle);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, LoginThrottle throttle, AuditLog audit)
            throws Exception {
        ApiAuthenticationFailures failures = new ApiAuthenticationFailures();
        return http.securityMatcher("/api/**")
                // a personal API token (Authorization: Bearer imr_...) first; without one, HTTP Basic
                .addFilterBefore(new ApiTokenFilter(tokens, throttle, audit, failures), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // released decisions are public, as DWC publishes them (domain.md §6.5)
                        .requestMatchers(HttpMethod.GET, "/api/public/decisions", "/api/public/decisions/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(failures))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(failures)
                        .accessDeniedHandler(failures))
                // no session, and none touched: a script's request may carry a browser's session cookie (the same
                // user, beside the pages), whose id a sign-in here would change under the browser's other requests
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .csrf(csrf -> csrf.disable())
                // HSTS comes with Spring Security's defaults, on HTTPS requests (also behind a proxy: forwarded headers)
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, UserAccounts users) throws Exception {
        // the default repositories, named so that the account check can store a session's new roles
        SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        return http
                .securityContext(context -> context.securityContextRepository(contexts))
                // a session ends at its next request when the user is deactivated or their password is set anew,
                // and changed roles apply at once
                .addFilterBefore(new AccountStatusFilter(users, contexts), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // released decisions are public, as DWC publishes them (domain.md §6.5)
                        .requestMatchers(HttpMethod.GET, "/decisions", "/decisions/*").permitAll()
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**").hasRole("ADMIN")
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(AccountStatusFilter.recordingSignIn(users, home()))
                        .failureHandler(loginFailure()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                // browsers are sent to the login page; scripts may use HTTP Basic (CSRF still applies)
                .httpBasic(basic -> basic.authenticationEntryPoint(new ApiAuthenticationFailures()))
                .build();
    }

    /** A failed sign-in: the login page says so, unless the database is out, which is not the user's fault. */
    private static AuthenticationFailureHandler loginFailure() {
        AuthenticationFailureHandler badCredentials = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, failure) -> {
            if (ServiceUnavailable.isDatabaseOutage(failure)) {
                ServiceUnavailable.refuse(request, response, ServiceUnavailable.DATABASE_OUT);
            } else {
                badCredentials.onAuthenticationFailure(request, response, failure);
            }
        };
    }

    /** After sign-in, the page the user asked for, or else the dashboard. */
    private static SavedRequestAwareAuthenticationSuccessHandler home() {
        SavedRequestAwareAuthenticationSuccessHandler home = new SavedRequestAwareAuthenticationSuccessHandler();
        home.setDefaultTargetUrl("/");
        return home;
    }
}
