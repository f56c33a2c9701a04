package org.imrflow.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.imrflow.DomainMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's commands to the engine ({@link EngineCommands}): a case's commands in the order they were
 * written, by one sender at a time across all instances, each marked confirmed in PostgreSQL when the engine confirms
 * it; the first one the engine does not confirm stops the case's sending and is tried again with a growing backoff
 * ({@code imr.engine.outbox.first-backoff}, doubled up to {@code max-backoff}). Every instance relays on a schedule
 * ({@code imr.engine.outbox.relay-interval}); a case's lock makes sure each command goes to the engine once per attempt.
 */
@Component
public class EngineCommandRelay {

    private static final Logger log = LoggerFactory.getLogger(EngineCommandRelay.class);
    static final String MESSAGE_ID_PREFIX = "imr-engine-command-";

    private final EngineCommandOutbox outbox;
    private final CaseProcessLedger ledger;
    private final CamundaClient client;
    private final EngineLifetime lifetime;
    private final EngineReadiness readiness;
    private final DomainMeters meters;
    private final TransactionTemplate separate;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    EngineCommandRelay(EngineCommandOutbox outbox, CaseProcessLedger ledger, CamundaClient client,
                       EngineLifetime lifetime, EngineReadiness readiness, DomainMeters meters,
                       PlatformTransactionManager transactions,
                       @Value("${imr.engine.outbox.first-backoff:PT2S}") Duration firstBackoff,
                       @Value("${imr.engine.outbox.max-backoff:PT5M}") Duration maxBackoff) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.client = client;
        this.lifetime = lifetime;
        this.readiness = readiness;
        this.meters = meters;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        meters.gauge("imr.engine.commands.pending", outbox::countPending);
    }

    /** Sends every case's commands that are due, on every instance. */
    @Scheduled(initialDelayString = "${imr.engine.outbox.relay-interval:PT5S}",
            fixedDelayString = "${imr.engine.outbox.relay-interval:PT5S}")
    public void relay() {
        if (!readiness.isRestored()) {
            return;
        }
        for (long caseId : outbox.casesDue(lifetime, 100)) {
            send(caseId, true);
        }
    }

    /**
     * Sends the case's unconfirmed commands in order, in a transaction of its own, unless another sender has them;
     * {@code onlyIfDue}: not before the oldest one's backoff ends. Returns how many the engine confirmed.
     */
    public int send(long caseId, boolean onlyIfDue) {
        Integer sent = separate.execute(status -> {
            if (!outbox.lockCase(caseId)) {
                return 0;
            }
            int confirmed = 0;
            for (EngineCommandOutbox.Command command : outbox.pendingOf(caseId, lifetime)) {
                if (onlyIfDue && confirmed == 0 && !command.due()) {
                    return 0;
                }
                try {
                    outbox.confirmed(command.id(), send(command));
                    confirmed++;
                } catch (RuntimeException e) {
                    Duration backoff = backoff(command.attempts() + 1);
                    outbox.failed(command.id(), e.getClass().getSimpleName(), backoff);
                    meters.count(DomainMeters.ENGINE_COMMANDS_FAILED, "kind", command.kind().name().toLowerCase());
                    log.warn("The engine did not confirm command {} ({}) of case {} at attempt {}: {}; again in {}",
                            command.id(), command.kind(), caseId, command.attempts() + 1, e.getClass().getSimpleName(),
                            backoff);
                    break;
                }
            }
            return confirmed;
        });
        return sent == null ? 0 : sent;
    }

    @SuppressWarnings("unchecked")
    private EngineCommandOutbox.Outcome send(EngineCommandOutbox.Command command) {
        Map<String, Object> payload = command.payload();
        Map<String, Object> variables = (Map<String, Object>) payload.getOrDefault("variables", Map.of());
        return switch (command.kind()) {
            case CREATE -> {
                long key = create((String) payload.get("processId"), variables, (String) payload.get("elementId"));
                ledger.started(new CaseRef(command.caseId(), String.valueOf(variables.get(CaseProcess.CASE_NUMBER))),
                        command.track(), key, lifetime);
                yield EngineCommandOutbox.Outcome.SENT;
            }
            case PUBLISH -> {
                try {
                    client.newPublishMessageCommand().messageName((String) payload.get("name"))
                            .correlationKey((String) payload.get("correlationKey"))
                            .messageId(MESSAGE_ID_PREFIX + command.id())
                            .timeToLive(Duration.ofMillis(((Number) payload.get("ttlMillis")).longValue()))
                            .variables(variables)
                            .send().join(CaseProcess.ENGINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    yield EngineCommandOutbox.Outcome.SENT;
                } catch (ClientStatusException e) {
                    if (e.getStatusCode() == Status.Code.ALREADY_EXISTS) {
                        yield EngineCommandOutbox.Outcome.DUPLICATE; // an earlier attempt reached the engine
                    }
                    throw e;
                }
            }
            case COMPLETE_JOB -> {
                try {
                    client.newCompleteCommand(((Number) payload.get("jobKey")).longValue()).variables(variables)
                            .send().join(CaseProcess.ENGINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    yield EngineCommandOutbox.Outcome.SENT;
                } catch (ClientStatusException e) {
                    if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                        // completed by an earlier attempt, or its process moved on; a new delivery of the job replays it
                        yield EngineCommandOutbox.Outcome.GONE;
                    }
                    throw e;
                }
            }
        };
    }

    /** Creates a process instance, at its start event or before {@code elementId}; returns its key. */
    long create(String processId, Map<String, Object> variables, String elementId) {
        return createCommand(processId, variables, elementId).send()
                .join(CaseProcess.ENGINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS).getProcessInstanceKey();
    }

    /** {@link #create}, without waiting: the key once the engine confirms (the rebuild keeps many in flight). */
    CompletableFuture<Long> createAsync(String processId, Map<String, Object> variables, String elementId) {
        return createCommand(processId, variables, elementId).send().toCompletableFuture()
                .orTimeout(CaseProcess.ENGINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .thenApply(ProcessInstanceEvent::getProcessInstanceKey);
    }

    private CreateProcessInstanceCommandStep3 createCommand(String processId, Map<String, Object> variables,
                                                            String elementId) {
        CreateProcessInstanceCommandStep3 command = client.newCreateInstanceCommand().bpmnProcessId(processId)
                .latestVersion().variables(variables);
        return elementId == null ? command : command.startBeforeElement(elementId);
    }

    private Duration backoff(int attempts) {
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
