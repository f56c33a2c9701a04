package org.imrflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with {@code Retry-After} when the application cannot serve, rather than letting a request fail in
 * some other way:
 * <ul>
 * <li>until it is ready: the HTTP port opens before the engine's state is rebuilt from PostgreSQL, and a case
 * received or a task completed in between would start or move a process the rebuild starts too. So every request
 * but the health probes and the sign-in page ({@link #servedWhileStarting}) is refused, before sign-in (which
 * needs the database) is even tried, and again while the application shuts down;</li>
 * <li>when its database is out or does not answer in time: an outage is not bad credentials (401) nor a bug
 * (500). Controllers' errors are mapped by {@link ApiErrors} and {@link PageErrors}; this catches what escapes
 * the filters (sign-in, the session's account check).</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ServiceUnavailable extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailable.class);

    private final ApplicationAvailability availability;

    ServiceUnavailable(ApplicationAvailability availability) {
        this.availability = availability;
    }

    /**
     * Whether this failure is the database being out of reach or too slow, not a fault of the request: among its
     * causes a connection failure (or SQL state class 08, a connection exception), a timeout, or a rollback that
     * failed after one (the connection lost mid-transaction: the rollback fails too, and hides the first failure).
     */
    public static boolean isDatabaseOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof QueryTimeoutException || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isDatabaseOutage(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** Writes the 503: problem details for the API, a page that reloads itself for people. */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        if (path(request).startsWith("/api/")) {
            ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, reason);
        } else {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("""
                    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">\
                    <meta http-equiv="refresh" content="%s"><title>imrflow is unavailable</title></head>\
                    <body><h1>imrflow is unavailable for a moment</h1><p>%s</p>\
                    <p>This page reloads by itself in a few seconds.</p></body></html>"""
                    .formatted(RETRY_AFTER_SECONDS, reason));
        }
        response.flushBuffer();
    }

    static final String STARTING = "imrflow is starting or stopping: the open cases are being restored. "
            + "Try again in a few seconds; nothing was changed.";
    public static final String DATABASE_OUT = "The database cannot be reached just now. "
            + "Try again in a few seconds; nothing was changed.";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC && !servedWhileStarting(request)) {
            refuse(request, response, STARTING);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!isDatabaseOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("The database could not be reached: {}", e.getClass().getSimpleName());
            refuse(request, response, DATABASE_OUT);
        }
    }

    /**
     * The sign-in page and its assets are served while the engine is being rebuilt: they touch no case, and people
     * see the application live. Signing in itself waits (503) until it is ready.
     */
    private static boolean servedWhileStarting(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String path = path(request);
        return path.equals("/login") || path.equals("/favicon.ico") || path.startsWith("/css/")
                || path.startsWith("/webjars/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
