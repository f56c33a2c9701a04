package org.imrflow.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.imrflow.DomainMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the work of one job for one case: exactly once in effect, however often the engine delivers it.
 *
 * <p>The work and the ledger entry commit in one transaction. A technical fault fails the job with backoff;
 * after the last retry the engine raises an incident and the case shows it to coordinators. Business outcomes
 * are BPMN errors and pass through unchanged. Messages logged here never carry case content.
 *
 * <p>Only the track's own process instance works ({@link CaseProcessLedger#claim}): a job of a second instance of a
 * track (its creation was retried after an answer that never came, and the engine had taken both) cancels that
 * instance and does nothing; a job of a track whose creation the engine has not confirmed yet waits.
 */
@Component
public class CaseJobs {

    private static final Logger log = LoggerFactory.getLogger(CaseJobs.class);
    /** How long a job waits for its process's creation to be confirmed before it is delivered again. */
    private static final Duration WAIT_FOR_START = Duration.ofSeconds(2);
    /** A second instance whose cancellation failed is looked at again this much later. */
    private static final Duration STRAY_BACKOFF = Duration.ofSeconds(30);

    private final CaseProcessLedger ledger;
    private final CaseIncidents incidents;
    private final TransactionTemplate transactions;
    private final Duration firstBackoff;
    private final EngineReadiness readiness;
    private final DomainMeters meters;
    private final CamundaClient client;
    private final EngineLifetime lifetime;

    CaseJobs(CaseProcessLedger ledger, CaseIncidents incidents, TransactionTemplate transactions,
             @Value("${imr.jobs.first-backoff:PT5S}") Duration firstBackoff, EngineReadiness readiness,
             DomainMeters meters, CamundaClient client, EngineLifetime lifetime) {
        this.client = client;
        this.lifetime = lifetime;
        this.readiness = readiness;
        this.meters = meters;
        this.ledger = ledger;
        this.incidents = incidents;
        this.transactions = transactions;
        this.firstBackoff = firstBackoff;
    }

    /** The work of an automated step, returning the variables the step completes with. */
    @FunctionalInterface
    public interface Work {
        Map<String, Object> perform(CaseRef ref);
    }

    public Map<String, Object> run(ActivatedJob job, Work work) {
        CaseRef ref = caseOf(job);
        String track = trackOf(job);
        try {
            Optional<Map<String, Object>> done = transactions.execute(s -> ledger.activated(ref, track, job.getElementId()));
            if (done.isPresent()) {
                log.info("Job {} of case {} had completed before the engine was rebuilt; replaying its result",
                        job.getType(), ref.caseNumber());
                return done.get();
            }
            return transactions.execute(s -> {
                Map<String, Object> result = work.perform(ref);
                ledger.completed(ref, track, job.getElementId(), result);
                incidents.resolveFor(ref, track, job.getElementId(), "worker");
                return result;
            });
        } catch (BpmnError businessOutcome) {
            throw businessOutcome;
        } catch (RuntimeException fault) {
            throw failure(job, ref, track, fault);
        }
    }

    /**
     * The case a job belongs to, from its {@code caseNumber} variable, if the job's process instance is the one
     * that works for its track. Every job worker asks first, so this is where a job waits while the engine is being
     * rebuilt or its process's creation is being confirmed, and where a second instance of a track ends.
     */
    public CaseRef caseOf(ActivatedJob job) {
        readiness.awaitRestored();
        Object number = job.getVariablesAsMap().get(CaseProcess.CASE_NUMBER);
        if (!(number instanceof String caseNumber)) {
            throw CamundaError.jobError("Job " + job.getType() + " has no caseNumber variable", null, 0);
        }
        CaseRef ref = ledger.find(caseNumber).orElseThrow(
                () -> CamundaError.jobError("No case " + caseNumber + " is recorded", null, 0));
        String track = trackOf(job);
        switch (ledger.claim(ref, track, job.getProcessInstanceKey(), lifetime)) {
            case OURS -> {
                return ref;
            }
            case STARTING -> throw CamundaError.jobError("The process of case " + caseNumber + " on track " + track
                    + " is being started; the job waits", null, job.getRetries(), WAIT_FOR_START, null);
            default -> {
                cancelStray(job, ref, track);
                throw CamundaError.jobError("A second process instance of case " + caseNumber + " on track " + track
                        + " was cancelled", null, job.getRetries(), STRAY_BACKOFF, null);
            }
        }
    }

    private void cancelStray(ActivatedJob job, CaseRef ref, String track) {
        try {
            client.newCancelInstanceCommand(job.getProcessInstanceKey()).send()
                    .join(CaseProcess.ENGINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            meters.count(DomainMeters.STRAY_INSTANCES_CANCELLED);
            log.warn("A second process instance of case {} on track {} was cancelled before it did any work",
                    ref.caseNumber(), track);
        } catch (RuntimeException e) {
            log.warn("A second process instance of case {} on track {} could not be cancelled yet: {}",
                    ref.caseNumber(), track, e.getClass().getSimpleName());
        }
    }

    /** The track of the case a job belongs to, from its {@code track} variable: the case's own if it has none. */
    public String trackOf(ActivatedJob job) {
        return job.getVariablesAsMap().get(CaseProcess.TRACK) instanceof String track ? track : CaseProcess.CASE_TRACK;
    }

    private RuntimeException failure(ActivatedJob job, CaseRef ref, String track, RuntimeException fault) {
        int remaining = Math.max(job.getRetries() - 1, 0);
        String message = fault.getClass().getSimpleName() + ": " + fault.getMessage();
        meters.count(DomainMeters.JOBS_FAILED, "job", job.getType());
        if (remaining == 0) {
            // the last failure carries the stack trace for whoever resolves the incident
            log.warn("Job {} of case {} failed; no retries left, raising an incident", job.getType(),
                    ref.caseNumber(), fault);
            incidents.record(ref, track, job, message);
            meters.count(DomainMeters.INCIDENTS_RAISED, "job", job.getType());
        } else {
            log.warn("Job {} of case {} failed ({} retries left): {}", job.getType(), ref.caseNumber(), remaining,
                    fault.getClass().getName());
        }
        Duration backoff = firstBackoff.multipliedBy(Math.max(1, 3 - remaining));
        return CamundaError.jobError(message, null, remaining, backoff, fault);
    }
}
