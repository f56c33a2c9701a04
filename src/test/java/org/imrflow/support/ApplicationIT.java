package org.imrflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
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

    /** The application's own pool, connected as its role {@code imr_app}. */
    @Autowired
    protected DataSource dataSource;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        registry.add("imr.engine.port", () -> ENGINE_PORT);
        registry.add("imr.data-dir", () -> DATA_DIR);
    }

    protected ImrClient as(String username) {
        return new ImrClient("http://localhost:" + port, username, "demo");
    }

    /** The embedded PostgreSQL as its superuser, which the application itself never connects as. */
    protected Superuser superuser() {
        return Superuser.of(dataSource, dataDir());
    }

    /** The embedded engine's gRPC port. */
    protected static int enginePort() {
        return ENGINE_PORT;
    }

    protected static Path dataDir() {
        return Path.of(DATA_DIR);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
