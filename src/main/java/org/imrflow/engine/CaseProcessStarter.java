package org.imrflow.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts a case's processes once what they are about is committed to PostgreSQL.
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

    /** Starts the case's own process ({@code imr-case}) after commit. */
    public void startAfterCommit(CaseRef ref) {
        startAfterCommit(ref, CaseProcess.CASE_TRACK, CaseProcess.PROCESS_ID, Map.of());
    }

    /**
     * Records a process of the case on {@code track} in the ledger (in the caller's transaction) and starts it
     * after commit, from its start event, with the given variables plus {@code caseNumber} and {@code track}.
     * A track that ran before is started anew. Should the engine not take it, the ledger keeps it as starting
     * and the next rebuild starts it.
     */
    public void startAfterCommit(CaseRef ref, String track, String processId, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put(CaseProcess.CASE_NUMBER, ref.caseNumber());
        all.put(CaseProcess.TRACK, track);
        ledger.register(ref, track, processId, all);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    create(processId, all, null);
                } catch (RuntimeException e) {
                    log.error("Process {} of case {} could not be started; it starts at the next rebuild", processId,
                            ref.caseNumber(), e);
                }
            }
        });
    }

    /**
     * Records a process of the case on {@code track} standing before {@code elementId} and starts it there after
     * commit: a track that ended is taken up again at that element (a panel reviewer's review, returned).
     */
    public void startBeforeAfterCommit(CaseRef ref, String track, String processId, Map<String, Object> variables,
                                       String elementId) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put(CaseProcess.CASE_NUMBER, ref.caseNumber());
        all.put(CaseProcess.TRACK, track);
        ledger.register(ref, track, processId, all);
        ledger.movedBefore(ref, track, elementId);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    create(processId, all, elementId);
                } catch (RuntimeException e) {
                    log.error("Process {} of case {} could not be started; it starts at the next rebuild", processId,
                            ref.caseNumber(), e);
                }
            }
        });
    }

    /** Creates a process instance, at its start event or before {@code elementId}. */
    void create(String processId, Map<String, Object> variables, String elementId) {
        CreateProcessInstanceCommandStep3 command = client.newCreateInstanceCommand().bpmnProcessId(processId)
                .latestVersion().variables(variables);
        if (elementId != null) {
            command = command.startBeforeElement(elementId);
        }
        command.send().join(CaseProcess.ENGINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
