package org.imrflow.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imrflow.ImrProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the engine can take the application's work: it answers, the models are deployed, and (embedded mode)
 * every open case's processes have been rebuilt from PostgreSQL. Until then the readiness probe is down, the web
 * and the API answer 503, and job workers wait: nothing may start or move a case's process while the rebuild
 * is still starting the processes it found, or a case would get two.
 *
 * <p>Published as the health indicator {@code engine}, part of the readiness group.
 */
@Component("engine")
public class EngineReadiness implements HealthIndicator {

    private static final Duration TOPOLOGY_TIMEOUT = Duration.ofSeconds(5);

    private final CamundaClient client;
    private final boolean embedded;
    private final CountDownLatch restored = new CountDownLatch(1);
    private volatile int rebuiltProcesses;

    EngineReadiness(CamundaClient client, ImrProperties properties) {
        this.client = client;
        this.embedded = properties.embedded();
        if (!embedded) {
            // a cluster keeps its state; there is nothing to rebuild
            restored.countDown();
        }
    }

    /** The rebuild has started every open process it found. */
    void restored(int processes) {
        rebuiltProcesses = processes;
        restored.countDown();
    }

    public boolean isRestored() {
        return restored.getCount() == 0;
    }

    /** Blocks a job worker until the rebuild is over. */
    void awaitRestored() {
        try {
            while (!restored.await(1, TimeUnit.MINUTES)) {
                // the rebuild of many open cases can take minutes; a job waits as long as it takes
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the engine was being rebuilt", e);
        }
    }

    @Override
    public Health health() {
        Health.Builder health = isRestored() ? Health.up() : Health.outOfService().withDetail("rebuild", "running");
        if (embedded && isRestored()) {
            health.withDetail("rebuiltProcesses", rebuiltProcesses);
        }
        try {
            int brokers = client.newTopologyRequest().send()
                    .join(TOPOLOGY_TIMEOUT.toSeconds(), TimeUnit.SECONDS).getBrokers().size();
            return health.withDetail("brokers", brokers).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", "the engine does not answer").build();
        }
    }
}
