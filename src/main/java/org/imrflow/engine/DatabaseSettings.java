package org.imrflow.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on the application's own connections to PostgreSQL ({@code imr.database.*}, both modes; not on the
 * migrations'), so that a database that stops answering fails requests within seconds instead of holding every
 * thread, and a session that hangs inside a transaction does not keep its locks.
 *
 * @param connectionTimeout        how long a request waits for a pooled connection before it fails
 * @param statementTimeout         PostgreSQL's {@code statement_timeout}: a longer statement is cancelled
 * @param lockTimeout              PostgreSQL's {@code lock_timeout}: a statement waiting longer for a lock fails
 * @param idleInTransactionTimeout PostgreSQL's {@code idle_in_transaction_session_timeout}: a session idle this long
 *                                 inside a transaction is ended and its locks released
 * @param watchdogInterval         embedded mode: how often the embedded PostgreSQL's process is looked for
 */
@ConfigurationProperties("imr.database")
record DatabaseSettings(@DefaultValue("5s") Duration connectionTimeout,
                        @DefaultValue("30s") Duration statementTimeout,
                        @DefaultValue("10s") Duration lockTimeout,
                        @DefaultValue("60s") Duration idleInTransactionTimeout,
                        @DefaultValue("1s") Duration watchdogInterval) {

    /** The session settings, as the PostgreSQL JDBC driver's {@code options} connection property. */
    String sessionOptions() {
        return "-c statement_timeout=" + statementTimeout.toMillis()
                + " -c lock_timeout=" + lockTimeout.toMillis()
                + " -c idle_in_transaction_session_timeout=" + idleInTransactionTimeout.toMillis();
    }
}
