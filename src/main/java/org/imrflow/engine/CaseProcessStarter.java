package org.imrflow.engine;

import io.camunda.client.CamundaClient;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts a case's process once the case is committed to PostgreSQL.
 */
@Component
public class CaseProcessStarter {

    private static final Logger log = LoggerFactory.getLogger(CaseProcessStarter.class);

    private final CamundaClient client;
    private final CaseProcessLedger ledger;

    CaseProcessStarter(CamundaClient client, CaseProcessLedger ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    /**
     * Records the new case in the ledger (in the caller's transaction) and starts its process after commit.
     * Should the engine not take it, the case stays recorded as starting and the next rebuild starts it.
     */
    public void startAfterCommit(CaseRef ref) {
        Map<String, Object> variables = Map.of(CaseProcess.CASE_NUMBER, ref.caseNumber());
        ledger.register(ref, variables);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    start(variables);
                } catch (RuntimeException e) {
                    log.error("The process of case {} could not be started; it starts at the next rebuild",
                            ref.caseNumber(), e);
                }
            }
        });
    }

    void start(Map<String, Object> variables) {
        client.newCreateInstanceCommand().bpmnProcessId(CaseProcess.PROCESS_ID).latestVersion()
                .variables(variables).send().join(CaseProcess.ENGINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    void startBefore(String elementId, Map<String, Object> variables) {
        client.newCreateInstanceCommand().bpmnProcessId(CaseProcess.PROCESS_ID).latestVersion()
                .variables(variables).startBeforeElement(elementId).send().join(CaseProcess.ENGINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
