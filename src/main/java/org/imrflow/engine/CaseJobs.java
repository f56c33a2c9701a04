package org.imrflow.engine;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
 */
@Component
public class CaseJobs {

    private static final Logger log = LoggerFactory.getLogger(CaseJobs.class);

    private final CaseProcessLedger ledger;
    private final CaseIncidents incidents;
    private final TransactionTemplate transactions;
    private final Duration firstBackoff;
    private final EngineReadiness readiness;
    private final DomainMeters meters;

    CaseJobs(CaseProcessLedger ledger, CaseIncidents incidents, TransactionTemplate transactions,
             @Value("${imr.jobs.first-backoff:PT5S}") Duration firstBackoff, EngineReadiness readiness,
             DomainMeters meters) {
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
     * The case a job belongs to, from its {@code caseNumber} variable. Every job worker asks first, so this is
     * where a job waits while the engine is being rebuilt.
     */
    public CaseRef caseOf(ActivatedJob job) {
        readiness.awaitRestored();
        Object number = job.getVariablesAsMap().get(CaseProcess.CASE_NUMBER);
        if (!(number instanceof String caseNumber)) {
            throw CamundaError.jobError("Job " + job.getType() + " has no caseNumber variable", null, 0);
        }
        return ledger.find(caseNumber).orElseThrow(
                () -> CamundaError.jobError("No case " + caseNumber + " is recorded", null, 0));
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
