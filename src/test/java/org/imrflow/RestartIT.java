package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.Closeable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stops the application with cases at different steps and starts it again on the same data: the embedded
 * engine is rebuilt from PostgreSQL, every open case goes on from where it was, and nothing is done twice,
 * not even a task completed in PostgreSQL whose completion the engine never received.
 */
class RestartIT {

    private final String dataDir = "target/it-data/restart-" + UUID.randomUUID();

    @Test
    void openCasesGoOnFromWhereTheyWereAfterARestart() {
        String awaitingAcceptance;
        String claimedByCoordinator;
        String inReview;
        String panelCase;
        long claimedTaskId;
        try (ConfigurableApplicationContext app = start(true)) {
            ImrClient coordinator = client(app, "coordinator");
            panelCase = coordinator.receiveForPanel(Applications.seed001(), 2);
            coordinator.assignPanel(panelCase, "Riley", "Sam Second");
            client(app, "reviewer").acceptAssignment(panelCase);
            client(app, "reviewer").awaitTask(panelCase, "Task_ReviewCase");
            client(app, "reviewer2").awaitTask(panelCase, "Task_AcceptAssignment");
            inReview = coordinator.receiveForReview(Applications.seed001());
            coordinator.workOk(inReview, "Task_AssignReviewer", Map.of("reviewerId", firstOption(coordinator, inReview)));
            client(app, assigneeOf(coordinator, inReview)).acceptAssignment(inReview);
            client(app, assigneeOf(coordinator, inReview)).awaitTask(inReview, "Task_ReviewCase");

            awaitingAcceptance = coordinator.receiveForReview(Applications.seed001());
            coordinator.workOk(awaitingAcceptance, "Task_AssignReviewer",
                    Map.of("reviewerId", firstOption(coordinator, awaitingAcceptance)));
            client(app, assigneeOf(coordinator, awaitingAcceptance)).awaitTask(awaitingAcceptance, "Task_AcceptAssignment");

            claimedByCoordinator = coordinator.receiveForReview(Applications.seed001());
            claimedTaskId = coordinator.awaitTask(claimedByCoordinator, "Task_AssignReviewer").get("id").asLong();
            assertThat(coordinator.post("/api/tasks/" + claimedTaskId + "/claim", Map.of()).status()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext app = start(true)) {
            ImrClient coordinator = client(app, "coordinator");
            JsonNode claimed = coordinator.awaitTask(claimedByCoordinator, "Task_AssignReviewer");
            assertThat(claimed.get("id").asLong()).as("the same inbox entry").isEqualTo(claimedTaskId);
            assertThat(claimed.get("claimedBy").asText()).isEqualTo("coordinator");

            ImrClient reviewer = client(app, assigneeOf(coordinator, awaitingAcceptance));
            reviewer.workOk(awaitingAcceptance, "Task_AcceptAssignment",
                    Map.of("assignmentResponse", "ACCEPT", "noConflictAttested", true));
            reviewer.awaitTask(awaitingAcceptance, "Task_ReviewCase");
            JsonNode file = coordinator.awaitStage(awaitingAcceptance, "CLINICAL_REVIEW");
            assertThat(file.path("tasks").findValuesAsText("elementId"))
                    .as("each step once: nothing repeated by the rebuild")
                    .containsExactly("Task_AssignReviewer", "Task_AcceptAssignment", "Task_ReviewCase");
            assertThat(file.path("history").findValuesAsText("action").stream()
                    .filter("ELIGIBILITY_SCREENED"::equals)).hasSize(1);

            coordinator.workOk(claimedByCoordinator, "Task_AssignReviewer",
                    Map.of("reviewerId", firstOption(coordinator, claimedByCoordinator)));
            coordinator.awaitStage(claimedByCoordinator, "REVIEWER_SELECTION");

            // inside the expert review subprocess: the rebuilt review goes on to the quality review
            client(app, assigneeOf(coordinator, inReview)).workOk(inReview, "Task_ReviewCase",
                    Applications.seed001Review(coordinator.itemId(inReview, Applications.PSYCHOLOGY),
                            coordinator.itemId(inReview, Applications.PHYSICAL_THERAPY)));
            client(app, "director").awaitTask(inReview, "Task_QualityReview");

            // each panel reviewer's track is rebuilt where it stood, and the case still waits for the panel
            client(app, "reviewer2").acceptAssignment(panelCase);
            for (String panelReviewer : List.of("reviewer", "reviewer2")) {
                client(app, panelReviewer).workOk(panelCase, "Task_ReviewCase",
                        Applications.seed001Review(coordinator.itemId(panelCase, Applications.PSYCHOLOGY),
                                coordinator.itemId(panelCase, Applications.PHYSICAL_THERAPY)));
            }
            client(app, "director").awaitTask(panelCase, "Task_PanelQualityReview");
        }
    }

    /**
     * Many open cases at different steps are rebuilt with many creations in flight at once (issue 10): after the
     * restart every open track has an instance confirmed by the new engine, recorded in one batch, and every case
     * goes on from its own step, each step done once.
     */
    @Test
    void manyOpenCasesAtDifferentStepsAreAllRebuiltInParallel() {
        int each = 4;
        List<String> awaitingRecords = new ArrayList<>();
        List<String> toAssign = new ArrayList<>();
        List<String> toAccept = new ArrayList<>();
        String lifetimeBefore;
        try (ConfigurableApplicationContext app = start(true)) {
            ImrClient coordinator = client(app, "coordinator");
            for (int i = 0; i < each; i++) {
                String records = coordinator.receive(Applications.seed001());
                coordinator.awaitStage(records, "RECORDS");
                awaitingRecords.add(records);
                String assign = coordinator.receiveForReview(Applications.seed001());
                coordinator.awaitTask(assign, "Task_AssignReviewer");
                toAssign.add(assign);
                String accept = coordinator.receiveForReview(Applications.seed001());
                coordinator.workOk(accept, "Task_AssignReviewer", Map.of("reviewerId", firstOption(coordinator, accept)));
                client(app, assigneeOf(coordinator, accept)).awaitTask(accept, "Task_AcceptAssignment");
                toAccept.add(accept);
            }
            lifetimeBefore = openTracks(app).lifetimes().getFirst();
        }

        // a log of 64 KB: the engine forgets what it has processed all along, from the rebuild on
        try (ConfigurableApplicationContext app = start(true, "--imr.engine.rebuild.concurrency=4",
                "--imr.engine.log-retained=64KB")) {
            OpenTracks open = openTracks(app);
            assertThat(open.count()).as("each case's own track and its running clocks").isGreaterThanOrEqualTo(3 * each);
            assertThat(open.withoutInstance()).as("open tracks without an instance of the new engine").isZero();
            assertThat(open.lifetimes()).hasSize(1).doesNotContain(lifetimeBefore);

            ImrClient coordinator = client(app, "coordinator");
            for (String caseNumber : awaitingRecords) {
                assertThat(coordinator.post("/api/cases/" + caseNumber + "/records/complete", Map.of()).status())
                        .isEqualTo(200);
            }
            for (String caseNumber : toAssign) {
                coordinator.workOk(caseNumber, "Task_AssignReviewer",
                        Map.of("reviewerId", firstOption(coordinator, caseNumber)));
            }
            for (String caseNumber : toAccept) {
                ImrClient reviewer = client(app, assigneeOf(coordinator, caseNumber));
                reviewer.workOk(caseNumber, "Task_AcceptAssignment",
                        Map.of("assignmentResponse", "ACCEPT", "noConflictAttested", true));
                reviewer.awaitTask(caseNumber, "Task_ReviewCase");
                assertThat(coordinator.get("/api/cases/" + caseNumber).json().path("tasks").findValuesAsText("elementId"))
                        .as("each step once").containsExactly("Task_AssignReviewer", "Task_AcceptAssignment",
                                "Task_ReviewCase");
            }
            for (String caseNumber : awaitingRecords) {
                coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
            }
            for (String caseNumber : toAssign) {
                client(app, assigneeOf(coordinator, caseNumber)).awaitTask(caseNumber, "Task_AcceptAssignment");
                assertThat(coordinator.get("/api/cases/" + caseNumber).json().path("history")
                        .findValuesAsText("action").stream().filter("ELIGIBILITY_SCREENED"::equals)).hasSize(1);
            }
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            assertThat(meters.get("imr.engine.log.dropped").functionCounter().count()).as("bytes dropped").isPositive();
            assertThat(meters.get("imr.engine.log.held").gauge().value()).as("bytes held").isPositive();
        }
    }

    private record OpenTracks(int count, int withoutInstance, List<String> lifetimes) {}

    /** The ledger's open tracks: how many, how many have no confirmed instance, in which engine lifetimes. */
    private static OpenTracks openTracks(ConfigurableApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        int count = jdbc.sql("select count(*) from case_process where ended_at is null").query(Integer.class).single();
        int without = jdbc.sql("select count(*) from case_process where ended_at is null and process_instance_key is null")
                .query(Integer.class).single();
        List<String> lifetimes = jdbc.sql("""
                select distinct engine_lifetime from case_process where ended_at is null and engine_lifetime is not null""")
                .query(String.class).list();
        return new OpenTracks(count, without, lifetimes);
    }

    /**
     * A crash between PostgreSQL's commit and the engine's acknowledgement: the first run's engine is gone when
     * the reviewer accepts, and the run is never shut down. Only its PostgreSQL is stopped, since a JVM holds the
     * data directory's lock until then (a real crash ends the JVM and with it the lock).
     */
    @Test
    void aTaskCompletedJustBeforeACrashIsReplayedNotRedone() throws Exception {
        String caseNumber;
        ConfigurableApplicationContext crashed = start(false);
        ImrClient before = client(crashed, "coordinator");
        caseNumber = before.receiveForReview(Applications.seed001());
        before.workOk(caseNumber, "Task_AssignReviewer", Map.of("reviewerId", firstOption(before, caseNumber)));
        ImrClient offered = client(crashed, assigneeOf(before, caseNumber));
        offered.awaitTask(caseNumber, "Task_AcceptAssignment");
        crashed.getBean(ZeebeTestEngine.class).stop();
        offered.workOk(caseNumber, "Task_AcceptAssignment",
                Map.of("assignmentResponse", "ACCEPT", "noConflictAttested", true));
        crashed.getBean("embeddedPostgres", Closeable.class).close();

        try (ConfigurableApplicationContext app = start(true)) {
            ImrClient coordinator = client(app, "coordinator");
            client(app, assigneeOf(coordinator, caseNumber)).awaitTask(caseNumber, "Task_ReviewCase");
            JsonNode file = coordinator.awaitStage(caseNumber, "CLINICAL_REVIEW");
            assertThat(file.path("history").findValuesAsText("action").stream()
                    .filter("ASSIGNMENT_ACCEPTED"::equals)).as("the acceptance is replayed, not redone").hasSize(1);
            assertThat(file.path("tasks").findValuesAsText("elementId"))
                    .containsExactly("Task_AssignReviewer", "Task_AcceptAssignment", "Task_ReviewCase");
        }
    }

    /**
     * The records stage across a restart, with the simulated time: a case whose records are due in 15 days still
     * waits for them and goes on when they are marked complete; an expedited case whose records fell due (24 hours)
     * while the application was down is checked at once, and held since it has nothing but the UR decision.
     */
    @Test
    void recordsTimersComeBackAfterARestartAndFireIfTheyFellDueWhileTheApplicationWasDown() {
        String waiting;
        String fellDue;
        try (ConfigurableApplicationContext app = start(true, "--imr.simulation.enabled=true")) {
            ImrClient coordinator = client(app, "coordinator");
            waiting = coordinator.receive(Applications.seed001());
            Map<String, Object> expedited = new HashMap<>(Applications.seed001());
            expedited.put("reviewType", "EXPEDITED");
            fellDue = coordinator.receive(expedited);
            coordinator.awaitStage(waiting, "RECORDS");
            coordinator.awaitStage(fellDue, "RECORDS");
        }

        String twoDaysLater = OffsetDateTime.now().plusDays(2).toString();
        try (ConfigurableApplicationContext app = start(true, "--imr.simulation.enabled=true",
                "--imr.simulation.start=" + twoDaysLater)) {
            ImrClient coordinator = client(app, "coordinator");
            coordinator.awaitTask(fellDue, "Task_ObtainRecords");
            JsonNode held = coordinator.get("/api/cases/" + fellDue).json();
            assertThat(ClocksIT.clock(held, "RECORDS").get("status").asText()).isEqualTo("MISSED");
            assertThat(held.path("history").findValuesAsText("action")).contains("CASE_HELD");

            JsonNode file = coordinator.get("/api/cases/" + waiting).json();
            assertThat(ClocksIT.clock(file, "RECORDS").get("status").asText()).isEqualTo("RUNNING");
            assertThat(coordinator.post("/api/cases/" + waiting + "/records/complete", Map.of()).status()).isEqualTo(200);
            coordinator.awaitTask(waiting, "Task_AssignReviewer");
            file = coordinator.get("/api/cases/" + waiting).json();
            assertThat(file.path("letters").findValuesAsText("kind")).as("the notice is not sent again")
                    .containsExactly("NOTICE_OF_ASSIGNMENT");
            assertThat(file.path("history").findValuesAsText("action").stream()
                    .filter("CLOCK_STARTED"::equals)).as("T4, T5, T10 from assignment, T10 from records").hasSize(4);
        }
    }

    /**
     * A run of the application on this test's data. A crashed run is never closed, so it must not close at JVM
     * exit either; each run has an engine port of its own, so a crashed run's workers never reach the next engine.
     */
    private ConfigurableApplicationContext start(boolean closesNormally, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--imr.engine.port=" + ApplicationIT.freePort(),
                "--imr.data-dir=" + dataDir,
                "--imr.jobs.first-backoff=PT0.1S"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(ImrflowApplication.class).registerShutdownHook(closesNormally)
                .run(arguments.toArray(String[]::new));
    }

    private static ImrClient client(ConfigurableApplicationContext app, String username) {
        String port = app.getEnvironment().getProperty("local.server.port");
        return new ImrClient("http://localhost:" + port, username, "demo");
    }

    private static String assigneeOf(ImrClient coordinator, String caseNumber) {
        for (JsonNode task : coordinator.get("/api/cases/" + caseNumber).json().path("tasks")) {
            if (task.get("elementId").asText().equals("Task_AcceptAssignment")) {
                return task.get("assignee").asText();
            }
        }
        throw new AssertionError("Case " + caseNumber + " has no Accept assignment task");
    }

    private static String firstOption(ImrClient coordinator, String caseNumber) {
        JsonNode task = coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        return coordinator.get("/api/tasks/" + task.get("id").asText() + "/form").json()
                .path("values").path("reviewerOptions").get(0).get("value").asText();
    }
}
