package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Browser;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The embedded PostgreSQL killed while the application runs: its watchdog starts it again on the same data and port,
 * the connection pool reconnects, and the application serves requests again within seconds, with its data. Meanwhile
 * it answers 503: an outage is neither bad credentials nor a bug. The application is closed after it, not shared on.
 * A request waits a second for a connection here, not the default five: the outage is the same, found sooner.
 */
@DirtiesContext
@TestPropertySource(properties = "imr.database.connection-timeout=1s")
class DatabaseOutageIT extends ApplicationIT {

    @Test
    void aKilledPostgresIsStartedAgainAndTheApplicationServesRequestsWithinSeconds() throws Exception {
        ImrClient coordinator = as("coordinator");
        String before = coordinator.receive(Applications.seed001());
        long postmaster = postmasterPid();

        Instant killed = Instant.now();
        assertThat(new ProcessBuilder("kill", "-9", Long.toString(postmaster)).start().waitFor()).isZero();

        Instant until = killed.plusSeconds(60);
        Set<Integer> answers = new TreeSet<>();
        int status;
        do {
            Thread.sleep(250);
            status = coordinator.get("/api/cases/" + before).status();
            answers.add(status);
            answers.add(coordinator.get("/cases").status());
        } while (status != 200 && Instant.now().isBefore(until));
        Duration outage = Duration.between(killed, Instant.now());
        System.out.printf("PostgreSQL killed: the application answered again after %d ms%n", outage.toMillis());

        assertThat(status).as("the case received before the kill is served again").isEqualTo(200);
        assertThat(answers).as("a request waits for the restarted database, or is answered 503; never 401 nor 500")
                .isSubsetOf(200, 503);
        assertThat(outage).isLessThan(Duration.ofSeconds(30));
        assertThat(postmasterPid()).as("a new postmaster").isNotEqualTo(postmaster);
        assertThat(coordinator.get("/api/cases/" + coordinator.receive(Applications.seed001())).status())
                .as("and a new one is received").isEqualTo(200);
    }

    /**
     * The database refuses the application's role for longer than a request waits for a connection: sign-in cannot
     * look the user up, which is an outage (503 with Retry-After), not bad credentials (401) nor a bug (500).
     */
    @Test
    void whileTheDatabaseRefusesTheApplicationEveryRequestIsAnswered503() throws Exception {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receive(Applications.seed001());
        Browser browser = new Browser().signIn("http://localhost:" + port, "coordinator", "demo");
        JdbcClient owner = superuser().jdbc();
        owner.sql("alter role imr_app nologin").update();
        owner.sql("select pg_terminate_backend(pid) from pg_stat_activity where usename = 'imr_app'").query().listOfRows();
        try {
            assertThat(coordinator.get("/api/cases/" + caseNumber).status()).as("the API").isEqualTo(503);
            assertThat(coordinator.get("/cases/" + caseNumber).status()).as("a page, with HTTP Basic").isEqualTo(503);
            assertThat(browser.get("http://localhost:" + port + "/cases/" + caseNumber).statusCode())
                    .as("a page, with a session kept in the database").isEqualTo(503);
            assertThat(new ImrClient("http://localhost:" + port, "coordinator", "wrong password")
                    .get("/api/tasks").status()).as("even a wrong password: it cannot be checked").isEqualTo(503);
        } finally {
            owner.sql("alter role imr_app login").update();
        }
        // the pool connects again within seconds (a request meanwhile is answered 503, and may be sent again after
        // its Retry-After)
        Instant until = Instant.now().plusSeconds(30);
        int status;
        do {
            Thread.sleep(250);
            status = coordinator.get("/api/cases/" + caseNumber).status();
        } while (status == 503 && Instant.now().isBefore(until));
        assertThat(status).as("back").isEqualTo(200);
        assertThat(browser.get("http://localhost:" + port + "/cases/" + caseNumber).statusCode())
                .as("and the session with it").isEqualTo(200);
    }

    private static long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir().resolve("postmaster.pid")).getFirst().trim());
    }
}
