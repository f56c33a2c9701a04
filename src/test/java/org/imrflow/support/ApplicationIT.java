package org.imrflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on the embedded engine and a fresh embedded PostgreSQL, on a random HTTP port.
 * Integration test classes run in a JVM of their own (failsafe, reuseForks=false), since only one embedded
 * engine may run in a JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"imr.jobs.first-backoff=PT0.1S"})
public abstract class ApplicationIT {

    private static final int ENGINE_PORT = freePort();
    private static final String DATA_DIR = "target/it-data/" + UUID.randomUUID();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        registry.add("imr.engine.port", () -> ENGINE_PORT);
        registry.add("imr.data-dir", () -> DATA_DIR);
    }

    protected ImrClient as(String username) {
        return new ImrClient("http://localhost:" + port, username, "demo");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
