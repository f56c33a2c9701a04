package org.imrflow.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Messages to a case's processes, sent once the change they announce is committed to PostgreSQL, through the outbox
 * ({@link EngineCommands}): retried until the engine confirms them, each with a message id of its own so that a retry
 * is not a second message.
 */
@Component
public class CaseMessages {

    /** A message that ends a wait may arrive a moment before the wait opens: the engine keeps it that long. */
    private static final Duration WAIT_TTL = Duration.ofHours(1);

    private final CamundaClient client;
    private final CaseProcessLedger ledger;
    private final EngineCommands commands;

    CaseMessages(CamundaClient client, CaseProcessLedger ledger, EngineCommands commands) {
        this.client = client;
        this.ledger = ledger;
        this.commands = commands;
    }

    /**
     * Ends the wait of the case's track at {@code elementId} with a message: recorded in the ledger in the
     * caller's transaction, so that a rebuild sends it again, and published after commit.
     */
    public void endWaitAfterCommit(CaseRef ref, String track, String elementId, String messageName,
                                   String correlationKey, Map<String, Object> variables) {
        ledger.correlated(ref, track, elementId, messageName, correlationKey, variables);
        commands.publish(ref, messageName, correlationKey, variables, WAIT_TTL);
    }

    /**
     * Tells a running wait of its changed variables (a new due date). Not buffered: a process not waiting for
     * it does not need it, and the ledger's variables, which the caller updates, give a rebuild the new values.
     */
    public void announceAfterCommit(CaseRef ref, String messageName, String correlationKey,
                                    Map<String, Object> variables) {
        commands.publish(ref, messageName, correlationKey, variables, Duration.ZERO);
    }

    /**
     * Interrupts the scope a boundary event of the case's process is attached to (a withdrawn reviewer ends the
     * expert review). Kept by the engine a while, since the process may be a moment short of entering that scope;
     * the engine correlates a message to a process at most once. The caller records in the ledger where the process
     * goes next, so that a rebuild starts it there.
     */
    public void interruptAfterCommit(CaseRef ref, String messageName, String correlationKey) {
        commands.publish(ref, messageName, correlationKey, Map.of(), WAIT_TTL);
    }

    /**
     * Sends a recorded message again to a rebuilt process, which may still be opening its wait; done when the engine
     * confirms it (the rebuild keeps many in flight).
     */
    CompletableFuture<Void> replay(String messageName, String correlationKey, Map<String, Object> variables) {
        return client.newPublishMessageCommand().messageName(messageName).correlationKey(correlationKey)
                .variables(variables).timeToLive(WAIT_TTL)
                .send().toCompletableFuture().orTimeout(CaseProcess.ENGINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .thenApply(published -> null);
    }

    /** A message recorded in the ledger, sent again through the outbox (the sweep). */
    void replayAfterCommit(CaseRef ref, String messageName, String correlationKey, Map<String, Object> variables) {
        commands.publish(ref, messageName, correlationKey, variables, WAIT_TTL);
    }
}
