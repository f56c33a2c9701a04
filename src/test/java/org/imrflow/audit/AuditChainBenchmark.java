package org.imrflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.imrflow.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long the audit chain takes to write and to verify at 100,000 entries. Not part of {@code ./mvnw verify} (its
 * name matches neither test pattern); run it with
 * {@code ./mvnw verify -Dit.test=AuditChainBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AuditChainBenchmark extends ApplicationIT {

    static final int ENTRIES = 100_000;
    static final int PER_TRANSACTION = 10;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerification verification;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void writeAndVerifyAHundredThousandEntries() {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        long started = System.nanoTime();
        for (int i = 0; i < ENTRIES / PER_TRANSACTION; i++) {
            int n = i;
            transactions.executeWithoutResult(s -> {
                for (int j = 0; j < PER_TRANSACTION; j++) {
                    audit.recordAs("benchmark", "CASE_FILE_OPENED", "CM26-" + String.format("%07d", n % 10_000), "");
                }
            });
        }
        long written = System.nanoTime();
        AuditVerification.Verification result = verification.verify();
        long verified = System.nanoTime();
        assertThat(result.valid()).isTrue();
        System.out.printf("AUDIT CHAIN BENCHMARK: %d entries written in %d transactions in %.1f s (%.0f entries/s); "
                        + "%d entries verified in %.2f s%n", ENTRIES, ENTRIES / PER_TRANSACTION,
                (written - started) / 1e9, ENTRIES / ((written - started) / 1e9), result.checked(),
                (verified - written) / 1e9);
    }
}
