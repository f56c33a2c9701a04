package org.imrflow.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Commands to the engine that follow a change committed to PostgreSQL, through an outbox: each is written in the
 * caller's transaction ({@code engine_command}), so that it exists if and only if the change does; right after commit
 * the case's commands are sent, in order; what the engine does not confirm then, {@link EngineCommandRelay} sends again
 * until it does. Each command is safe to send more than once: a message carries the command's id as its message id,
 * which the engine deduplicates; a job completion that finds its job gone is done; a process instance created twice
 * is the only one that works only if its creation's confirmation recorded it ({@link CaseJobs}).
 */
@Component
public class EngineCommands {

    private static final Logger log = LoggerFactory.getLogger(EngineCommands.class);
    private static final Object SENDING = new Object();

    private final EngineCommandOutbox outbox;
    private final EngineCommandRelay relay;
    private final EngineLifetime lifetime;

    EngineCommands(EngineCommandOutbox outbox, EngineCommandRelay relay, EngineLifetime lifetime) {
        this.outbox = outbox;
        this.relay = relay;
        this.lifetime = lifetime;
    }

    /** Creates a process instance of the case's track, at its start event or before {@code elementId}. */
    void create(CaseRef ref, String track, String processId, Map<String, Object> variables, String elementId) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("processId", processId);
        payload.put("variables", variables);
        payload.put("elementId", elementId);
        add(ref, EngineCommandOutbox.Kind.CREATE, track, payload);
    }

    /** Publishes a message, kept by the engine for {@code ttl} until a process takes it. */
    void publish(CaseRef ref, String messageName, String correlationKey, Map<String, Object> variables, Duration ttl) {
        add(ref, EngineCommandOutbox.Kind.PUBLISH, null, Map.of("name", messageName, "correlationKey", correlationKey,
                "variables", variables, "ttlMillis", ttl.toMillis()));
    }

    /** Completes a job of this engine with the variables its work recorded. */
    public void completeJob(CaseRef ref, long jobKey, Map<String, Object> variables) {
        add(ref, EngineCommandOutbox.Kind.COMPLETE_JOB, null, Map.of("jobKey", jobKey, "variables", variables));
    }

    private void add(CaseRef ref, EngineCommandOutbox.Kind kind, String track, Map<String, Object> payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An engine command is written in the transaction of the change it follows");
        }
        outbox.add(ref.caseId(), kind, track, payload, lifetime);
        sendAfterCommit(ref.caseId());
    }

    @SuppressWarnings("unchecked")
    private void sendAfterCommit(long caseId) {
        Set<Long> cases = (Set<Long>) TransactionSynchronizationManager.getResource(SENDING);
        if (cases != null) {
            cases.add(caseId);
            return;
        }
        Set<Long> collected = new LinkedHashSet<>();
        collected.add(caseId);
        TransactionSynchronizationManager.bindResource(SENDING, collected);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (long each : collected) {
                    try {
                        relay.send(each, false);
                    } catch (RuntimeException e) {
                        // kept in the outbox: the relay sends it again
                        log.warn("Engine commands of a case were not sent after commit: {}", e.getClass().getSimpleName());
                    }
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(SENDING);
            }
        });
    }
}
