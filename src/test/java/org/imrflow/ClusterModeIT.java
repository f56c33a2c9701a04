package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imrflow.cluster.ClusterInstance;
import org.imrflow.cluster.JvmProcess;
import org.imrflow.cluster.StandaloneEngine;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.Browser;
import org.imrflow.support.ImrClient;
import org.imrflow.support.OutsideThisJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cluster mode for real, as far as this machine can: an external PostgreSQL server (its own process), the engine
 * in a JVM of its own as a stand-alone gRPC endpoint, and two application instances in cluster mode against both,
 * each a JVM of its own. Cases go through both instances alternately (intake on one, tasks claimed and completed on
 * the other, a session begun on one used on the other); one instance is killed with SIGKILL mid-way, two cases just
 * received on it, and the other finishes the work. Every case reaches its
 * Final Determination Letter, with exactly one letter each, each step done once, and no task lost or duplicated.
 */
@OutsideThisJvm
class ClusterModeIT {

    private static final Path WORK = Path.of("target", "cluster-it", UUID.randomUUID().toString());
    private static final String OWNER_PASSWORD = "the owner password in this test";
    private static final String APP_PASSWORD = "the application password in this test";
    private static final String ADMIN_PASSWORD = "the first administrator password";
    private static final String PASSWORD = "a user password in this test";
    private static final int CASES = 4;

    private static EmbeddedPostgres postgres;
    private static JvmProcess engine;
    private static ClusterInstance a;
    private static ClusterInstance b;
    private static JdbcClient database;

    @BeforeAll
    static void startTheCluster() throws IOException {
        // the engine's JVM starts while PostgreSQL is prepared
        int enginePort = ApplicationIT.freePort();
        engine = JvmProcess.start("engine", StandaloneEngine.class.getName(),
                List.of(Integer.toString(enginePort)), WORK);
        postgres = EmbeddedPostgres.builder().setPort(ApplicationIT.freePort())
                .setDataDirectory(WORK.resolve("postgres")).setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
        JdbcClient server = JdbcClient.create(postgres.getPostgresDatabase());
        server.sql("create role imr_owner login password '" + OWNER_PASSWORD + "'").update();
        server.sql("create role imr_app login password '" + APP_PASSWORD + "' nosuperuser nocreatedb nocreaterole "
                + "noreplication nobypassrls").update();
        server.sql("create database imrflow owner imr_owner").update();
        database = JdbcClient.create(postgres.getDatabase("postgres", "imrflow"));
        database.sql("alter schema public owner to imr_owner").update();
        database.sql("revoke create on schema public from public").update();

        engine.awaitLog(line -> line.startsWith(StandaloneEngine.READY), Duration.ofMinutes(2));

        // both instances at once, as docker-compose.yml starts them: one runs the migrations and creates the first
        // administrator, the other finds them done
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/imrflow";
        a = ClusterInstance.start("a", jdbcUrl, enginePort, WORK, OWNER_PASSWORD, APP_PASSWORD, ADMIN_PASSWORD);
        b = ClusterInstance.start("b", jdbcUrl, enginePort, WORK, OWNER_PASSWORD, APP_PASSWORD, ADMIN_PASSWORD);
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    static void stopTheCluster() throws IOException {
        for (ClusterInstance instance : new ClusterInstance[] {a, b}) {
            if (instance != null) {
                instance.stop();
            }
        }
        if (engine != null) {
            engine.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoInstancesShareTheWorkAndOneKilledMidwayLosesNothing() {
        ImrClient adminOnA = a.as("admin", ADMIN_PASSWORD);
        createUser(adminOnA, "coordinator", "Casey Coordinator", "COORDINATOR");
        createUser(adminOnA, "director", "Morgan Director", "MEDICAL_DIRECTOR");
        createUser(adminOnA, "riley", "Dr. Riley Clusterwood", "REVIEWER");
        ImrClient adminOnB = b.as("admin", ADMIN_PASSWORD);
        ImrClient.Response registered = adminOnB.post("/api/admin/reviewers", reviewer("riley", "Dr. Riley Clusterwood"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        ImrClient[] coordinator = {a.as("coordinator", PASSWORD), b.as("coordinator", PASSWORD)};
        ImrClient[] reviewer = {a.as("riley", PASSWORD), b.as("riley", PASSWORD)};
        ImrClient[] director = {a.as("director", PASSWORD), b.as("director", PASSWORD)};

        // a coordinator signs in on A's login page; the session is good on B too, and outlives A
        Browser browser = new Browser().signIn(a.url(), "coordinator", PASSWORD);
        assertThat(browser.get(b.url() + "/cases").statusCode()).as("signed in on B by A's login").isEqualTo(200);

        // intake alternately; then each case's tasks on the instance that did not receive it
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < CASES - 2; i++) {
            cases.add(coordinator[i % 2].receiveForReview(Applications.seed001()));
        }
        for (int i = 0; i < CASES - 2; i++) {
            decide(cases.get(i), coordinator[(i + 1) % 2], reviewer[i % 2], director[(i + 1) % 2]);
        }
        // two more received on A, which dies at once, its workers perhaps holding their first jobs: B does the rest
        List<String> lastTwo = List.of(coordinator[0].receive(Applications.seed001()),
                coordinator[0].receive(Applications.seed001()));
        a.kill();
        assertThat(browser.get(b.url() + "/tasks").statusCode()).as("still signed in on B").isEqualTo(200);
        for (String caseNumber : lastTwo) {
            // a job A held comes back to B's workers once its timeout (10 s here) passes, at their next poll (5 s)
            coordinator[1].awaitStage(caseNumber, "RECORDS", Duration.ofMinutes(2));
            assertThat(coordinator[1].post("/api/cases/" + caseNumber + "/records/complete", Map.of()).status())
                    .isEqualTo(200);
            decide(caseNumber, coordinator[1], reviewer[1], director[1]);
        }
        cases.addAll(lastTwo);

        for (String caseNumber : cases) {
            // any case's last job may have been held by A when it died: it comes back after the job timeout
            coordinator[1].awaitStage(caseNumber, "DECIDED", Duration.ofMinutes(2));
            assertThat(count("letter l join imr_case c on c.id = l.case_id", caseNumber, "l.kind = 'FINAL_DETERMINATION'"))
                    .as(caseNumber + ": Final Determination Letters").isEqualTo(1);
            assertThat(count("letter l join imr_case c on c.id = l.case_id", caseNumber, "l.kind = 'NOTICE_OF_ASSIGNMENT'"))
                    .as(caseNumber + ": Notices of Assignment").isEqualTo(1);
            for (String step : List.of("ELIGIBILITY_SCREENED", "NOTICE_OF_ASSIGNMENT_SENT", "REVIEWERS_RANKED",
                    "ASSIGNMENT_ACCEPTED", "REVIEW_SUBMITTED", "QUALITY_REVIEW_APPROVED")) {
                assertThat(database.sql("select count(*) from audit_event where case_number = :n and action = :a")
                        .param("n", caseNumber).param("a", step).query(Long.class).single())
                        .as(caseNumber + ": " + step).isEqualTo(1);
            }
            assertThat(database.sql("""
                    select t.element_id, count(*) from user_task t join imr_case c on c.id = t.case_id
                    where c.case_number = :n group by t.element_id, t.status""")
                    .param("n", caseNumber).query((rs, i) -> rs.getString(1) + " " + rs.getLong(2)).list())
                    .as(caseNumber + ": tasks").containsExactlyInAnyOrder("Task_AssignReviewer 1",
                            "Task_AcceptAssignment 1", "Task_ReviewCase 1", "Task_QualityReview 1");
            assertThat(count("user_task t join imr_case c on c.id = t.case_id", caseNumber, "t.status = 'OPEN'"))
                    .as(caseNumber + ": open tasks").isZero();
        }
        assertThat(database.sql("select count(*) from case_incident where resolved_at is null").query(Long.class)
                .single()).as("open incidents").isZero();
    }

    /** Each of the case's tasks on the instance given: reviewer assigned (unless null: already), accepted, reviewed, approved. */
    private static void decide(String caseNumber, ImrClient coordinator, ImrClient reviewer, ImrClient director) {
        if (coordinator != null) {
            coordinator.assignReviewer(caseNumber, "Riley");
        }
        reviewer.acceptAssignment(caseNumber);
        reviewer.workOk(caseNumber, "Task_ReviewCase", Applications.seed001Review(
                reviewer.itemId(caseNumber, Applications.PSYCHOLOGY),
                reviewer.itemId(caseNumber, Applications.PHYSICAL_THERAPY)));
        director.workOk(caseNumber, "Task_QualityReview", Map.of("qaDecision", "APPROVE"));
    }

    private static long count(String from, String caseNumber, String condition) {
        return database.sql("select count(*) from " + from + " where c.case_number = :n and " + condition)
                .param("n", caseNumber).query(Long.class).single();
    }

    private static void createUser(ImrClient admin, String username, String fullName, String role) {
        ImrClient.Response created = admin.post("/api/admin/users", Map.of("username", username, "fullName", fullName,
                "roles", List.of(role), "password", PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** A reviewer whose specialties fit seed 001's items, as the demo's "reviewer" is. */
    private static Map<String, Object> reviewer(String username, String name) {
        Map<String, Object> reviewer = new LinkedHashMap<>();
        reviewer.put("username", username);
        reviewer.put("displayName", name);
        reviewer.put("active", true);
        reviewer.put("licenses", List.of(Map.of("state", "California", "number", "A 104233", "status", "ACTIVE",
                "expires", LocalDate.now().plusYears(2).toString())));
        reviewer.put("specialties", List.of("Psychiatry", "Pain Management"));
        reviewer.put("yearsInPractice", 14);
        reviewer.put("hoursPerWeek", 32);
        reviewer.put("capacity", 12);
        return reviewer;
    }
}
