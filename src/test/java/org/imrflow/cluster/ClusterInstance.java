package org.imrflow.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.imrflow.ImrflowApplication;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.ImrClient;

/**
 * One application instance in cluster mode, a JVM of its own: an external PostgreSQL (Flyway as the tables' owner,
 * the application as its own role), the engine at a gRPC address, and the first administrator from configuration.
 */
public final class ClusterInstance {

    private final String name;
    private final int port;
    private final JvmProcess process;

    private ClusterInstance(String name, int port, JvmProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    public static ClusterInstance start(String name, String jdbcUrl, int enginePort, Path work, String ownerPassword,
                                        String appPassword, String adminPassword) {
        int port = ApplicationIT.freePort();
        JvmProcess process = JvmProcess.start("instance-" + name, ImrflowApplication.class.getName(), List.of(
                "--imr.mode=cluster",
                "--server.port=" + port,
                "--imr.data-dir=" + work.resolve("instance-" + name).toAbsolutePath(),
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=imr_app",
                "--spring.datasource.password=" + appPassword,
                "--spring.flyway.user=imr_owner",
                "--spring.flyway.password=" + ownerPassword,
                "--camunda.client.grpc-address=http://127.0.0.1:" + enginePort,
                // a job held by an instance that dies goes to another after this long, at the other's next poll: a
                // timed-out job is not streamed (engine notes), and the poll comes every minute by default
                "--camunda.client.worker.defaults.timeout=PT10S",
                "--camunda.client.worker.defaults.poll-interval=PT5S",
                "--imr.admin.password=" + adminPassword), work);
        return new ClusterInstance(name, port, process);
    }

    public void awaitReady() {
        process.awaitOk("http://127.0.0.1:" + port + "/actuator/health/readiness", Duration.ofMinutes(4));
    }

    public ImrClient as(String username, String password) {
        return new ImrClient(url(), username, password);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Like a machine losing power: SIGKILL. */
    public void kill() {
        process.kill();
    }

    public void stop() {
        process.stop();
    }

    @Override
    public String toString() {
        return "instance " + name + " on port " + port;
    }
}
