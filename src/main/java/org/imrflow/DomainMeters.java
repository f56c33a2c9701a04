package org.imrflow;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The domain's meters (docs/configuration.md, "Metrics"), counted when the work they count commits: a rolled-back
 * screening or a retried job is not counted twice. Tags carry outcomes, clocks, tasks and job types, never a case or
 * a person.
 */
@Component
public class DomainMeters {

    public static final String CASES_RECEIVED = "imr.cases.received";
    public static final String CASES_SCREENED = "imr.cases.screened";
    public static final String DETERMINATIONS_ISSUED = "imr.determinations.issued";
    public static final String CLOCKS_MISSED = "imr.clocks.missed";
    public static final String TASKS_WAITING = "imr.tasks.waiting";
    public static final String JOBS_FAILED = "imr.jobs.failed";
    public static final String INCIDENTS_RAISED = "imr.incidents.raised";
    public static final String STRAY_INSTANCES_CANCELLED = "imr.engine.stray.instances.cancelled";
    public static final String ENGINE_COMMANDS_FAILED = "imr.engine.commands.failed";

    private final MeterRegistry registry;

    DomainMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one, with tags as name-value pairs. */
    public void count(String name, String... tags) {
        afterCommit(() -> registry.counter(name, tags).increment());
    }

    /** Records how long something waited, with tags as name-value pairs. */
    public void time(String name, Duration waited, String... tags) {
        // a task waits seconds to weeks: a histogram over that range gives percentiles across instances
        afterCommit(() -> Timer.builder(name).tags(tags).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofDays(30))
                .register(registry).record(waited));
    }

    /** A value read whenever the meters are scraped (a backlog), as it is on this instance's view of the database. */
    public void gauge(String name, java.util.function.Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value).strongReference(true).register(registry);
    }

    private static void afterCommit(Runnable meter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            meter.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                meter.run();
            }
        });
    }
}
