package org.imrflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures {@link ServiceUnavailable#isDatabaseOutage} takes for the database being out (503), not a bug (500). */
class DatabaseOutageTest {

    @Test
    void aConnectionLostMidTransactionIsAnOutageEvenWhenItsRollbackFailsToo() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("I/O error",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(ServiceUnavailable.isDatabaseOutage(rollbackFailed)).isTrue();
    }

    @Test
    void connectionFailuresAndTimeoutsAreOutages() {
        assertThat(ServiceUnavailable.isDatabaseOutage(new RuntimeException(
                new SQLException("Connection is closed", "08003")))).isTrue();
        assertThat(ServiceUnavailable.isDatabaseOutage(new SQLTransientConnectionException("timed out"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ServiceUnavailable.isDatabaseOutage(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new IllegalStateException("a bug"));
        assertThat(ServiceUnavailable.isDatabaseOutage(rollbackFailed)).isFalse();
        assertThat(ServiceUnavailable.isDatabaseOutage(new SQLException("no state"))).isFalse();
    }
}
