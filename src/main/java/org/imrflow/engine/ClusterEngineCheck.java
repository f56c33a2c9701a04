package org.imrflow.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.imrflow.StartupRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode, once every bean exists and before the models are deployed: the engine answers a topology request.
 * While it cannot be reached the request is repeated for {@code imr.engine.startup-wait} (an engine that starts with
 * the application has that long); a refused credential ends the start at once. Either way the start is refused with
 * the setting to change.
 */
class ClusterEngineCheck {

    private static final Logger log = LoggerFactory.getLogger(ClusterEngineCheck.class);
    private static final Duration ATTEMPT = Duration.ofSeconds(5);

    private final CamundaClient client;
    private final Duration wait;
    private final String address;

    ClusterEngineCheck(CamundaClient client, Duration wait, String address) {
        this.client = client;
        this.wait = wait;
        this.address = address;
    }

    void check() {
        Instant deadline = Instant.now().plus(wait);
        RuntimeException last;
        do {
            try {
                int brokers = client.newTopologyRequest().requestTimeout(ATTEMPT).send()
                        .join(ATTEMPT.toSeconds() + 1, TimeUnit.SECONDS).getBrokers().size();
                log.info("The engine at {} answers: {} broker(s)", address, brokers);
                return;
            } catch (RuntimeException e) {
                if (refusedCredential(e)) {
                    throw new StartupRefusal("The engine at " + address + " refused the application's credential ("
                            + describe(e) + ").", "Set CAMUNDA_CLIENT_AUTH_METHOD and its credential: "
                            + "CAMUNDA_CLIENT_AUTH_USERNAME and CAMUNDA_CLIENT_AUTH_PASSWORD (basic), or "
                            + "CAMUNDA_CLIENT_AUTH_CLIENT_ID, CAMUNDA_CLIENT_AUTH_CLIENT_SECRET and "
                            + "CAMUNDA_CLIENT_AUTH_TOKEN_URL (oidc).");
                }
                last = e;
                log.info("The engine at {} does not answer yet ({}); waiting up to {}", address, describe(e), wait);
                pause();
            }
        } while (Instant.now().isBefore(deadline));
        throw new StartupRefusal("The engine at " + address + " (CAMUNDA_CLIENT_GRPC_ADDRESS) did not answer within "
                + wait.toSeconds() + " s (" + describe(last) + ").", "Start the Camunda orchestration cluster, or set "
                + "CAMUNDA_CLIENT_GRPC_ADDRESS (and CAMUNDA_CLIENT_REST_ADDRESS) to its gateway; IMR_ENGINE_STARTUP_WAIT "
                + "is how long the start waits for it.");
    }

    /** The engine said no to who we are, or the identity provider did when asked for a token. */
    private static boolean refusedCredential(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClientStatusException status && (status.getStatusCode() == Status.Code.UNAUTHENTICATED
                    || status.getStatusCode() == Status.Code.PERMISSION_DENIED)) {
                return true;
            }
            if (cause instanceof io.grpc.StatusRuntimeException status
                    && (status.getStatus().getCode() == Status.Code.UNAUTHENTICATED
                    || status.getStatus().getCode() == Status.Code.PERMISSION_DENIED)) {
                return true;
            }
        }
        return false;
    }

    /** The failure in a few words: its kind and the engine's status, never a credential. */
    private static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClientStatusException status) {
                return status.getStatusCode() + (status.getStatus().getDescription() == null ? ""
                        : ": " + status.getStatus().getDescription());
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the engine", e);
        }
    }
}
