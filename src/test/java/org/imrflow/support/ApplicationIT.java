package org.imrflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.imrflow.assignment.ReviewerMatching;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The whole application on the embedded engine and a fresh embedded PostgreSQL, on a random HTTP port.
 * <p>
 * The integration tests run in one JVM (failsafe, reuseForks=true), where the classes of one configuration share a
 * running application: those that add nothing to this class's all run on one, so a test must not count on what
 * others did or did not do before it (it makes cases and users of its own and looks only at those). A class that
 * leaves the application unfit for others (kills its database) is {@code @DirtiesContext}; a class with properties
 * of its own (the simulated clock, say) gets an application of its own. Only one runs at a
 * time ({@link OneApplicationAtATime}), since only one embedded engine may run in a JVM, and the classes are ordered
 * to start as few as they can ({@link SharedApplicationFirst}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"imr.jobs.first-backoff=PT0.1S"})
@AutoConfigureMockMvc
@AutoConfigureObservability
public abstract class ApplicationIT {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    /** The engine port and data directory of the application running now: each starts on fresh ones. */
    private static volatile int enginePort;
    private static volatile String dataDir;

    @LocalServerPort
    protected int port;

    /** The application's own pool, connected as its role {@code imr_app}. */
    @Autowired
    protected DataSource dataSource;

    /** Reviewer matching, which a test may make fail or wait; as it is when a test does not. */
    @MockitoSpyBean
    protected ReviewerMatching matching;

    /** Called once for each application started, before it starts. */
    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        int port = freePort();
        String directory = "target/it-data/" + UUID.randomUUID();
        enginePort = port;
        dataDir = directory;
        registry.add("imr.engine.port", () -> port);
        registry.add("imr.data-dir", () -> directory);
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
        return TOKENS.computeIfAbsent(dataDir + "/" + username, key -> {
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
        return enginePort;
    }

    protected static Path dataDir() {
        return Path.of(dataDir);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
