package org.imrflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
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

    /**
     * The user's client, signed in on the API with their {@linkplain #apiToken personal API token} (one bcrypt check
     * for the user instead of one per request) and on pages with HTTP Basic. A user who cannot be issued a token
     * (deactivated, say) gets the password client, which answers as that user would be answered.
     */
    protected ImrClient as(String username) {
        String token = apiToken(username);
        return token == null ? withPassword(username) : withPassword(username).withApiToken(token);
    }

    /** The user's personal API token for the tests, issued once per user and application; null if it cannot be. */
    protected String apiToken(String username) {
        return TOKENS.computeIfAbsent(port + "/" + username, key -> {
            ImrClient.Response issued = withPassword(username).post("/api/tokens", Map.of("name", "integration test"));
            return issued.status() == 201 ? issued.json().get("token").asText() : null;
        });
    }

    /** The user's API client signed in with HTTP Basic and the demo password on every request. */
    protected ImrClient withPassword(String username) {
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
