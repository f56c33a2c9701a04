package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.imrflow.engine.CaseProcess;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The sweep ({@code engine.CaseProcessSweep}) starts an open track that has no confirmed process instance, no
 * creation waiting in the outbox and no change for the grace: here a case waiting for its records whose process was
 * cancelled on the engine and whose ledger row lost its confirmed instance (what a row changed by hand, or a process
 * started before the outbox, leaves). Without the sweep the case would wait for ever: the records' message would
 * find no process. With it, the case goes on to reviewer selection, each of its steps done once.
 */
@TestPropertySource(properties = {"imr.engine.sweep-interval=PT1S", "imr.engine.sweep-grace=PT2S",
        "imr.engine.outbox.relay-interval=PT0.5S"})
class CaseProcessSweepIT extends ApplicationIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CamundaClient client;

    @Test
    void aTrackWithoutItsProcessIsStartedAgainAndTheCaseGoesOnOnce() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receive(Applications.seed001());
        coordinator.awaitStage(caseNumber, "RECORDS");
        await("the Notice of Assignment", () -> letters(coordinator, caseNumber).contains("NOTICE_OF_ASSIGNMENT"));
        await("every command confirmed", () -> pending(caseNumber) == 0);
        long caseId = jdbc.sql("select id from imr_case where case_number = :n").param("n", caseNumber)
                .query(Long.class).single();
        long lost = instanceKey(caseId);

        // the process is gone from the engine, and the ledger no longer knows an instance of the track
        client.newCancelInstanceCommand(lost).send().join();
        superuser().jdbc().sql("""
                update case_process set process_instance_key = null, engine_lifetime = null
                where case_id = :id and track = :track""")
                .param("id", caseId).param("track", CaseProcess.CASE_TRACK).update();

        await("the sweep started the track's process again", () -> {
            Long key = jdbc.sql("select process_instance_key from case_process where case_id = :id and track = :track")
                    .param("id", caseId).param("track", CaseProcess.CASE_TRACK).query(Long.class).optional()
                    .orElse(null);
            return key != null && key != lost;
        });
        assertThat(creations(caseId)).as("the case track's process created twice: at intake and by the sweep")
                .isEqualTo(2);

        assertThat(coordinator.post("/api/cases/" + caseNumber + "/records/complete", Map.of()).status()).isEqualTo(200);
        coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        await("every command confirmed", () -> pending(caseNumber) == 0);

        JsonNode file = coordinator.get("/api/cases/" + caseNumber).json();
        List<String> history = file.path("history").findValuesAsText("action");
        assertThat(history.stream().filter("ELIGIBILITY_SCREENED"::equals)).as("screened once").hasSize(1);
        assertThat(letters(coordinator, caseNumber).stream().filter("NOTICE_OF_ASSIGNMENT"::equals))
                .as("one Notice of Assignment").hasSize(1);
        assertThat(file.path("tasks").findValuesAsText("elementId").stream().filter("Task_AssignReviewer"::equals))
                .as("reviewer selection once").hasSize(1);
        assertThat(creations(caseId)).as("started once by the sweep, not again").isEqualTo(2);
    }

    private long instanceKey(long caseId) {
        return jdbc.sql("select process_instance_key from case_process where case_id = :id and track = :track")
                .param("id", caseId).param("track", CaseProcess.CASE_TRACK).query(Long.class).single();
    }

    private long creations(long caseId) {
        return jdbc.sql("select count(*) from engine_command where case_id = :id and kind = 'CREATE' and track = :track")
                .param("id", caseId).param("track", CaseProcess.CASE_TRACK).query(Long.class).single();
    }

    private long pending(String caseNumber) {
        return jdbc.sql("""
                select count(*) from engine_command e join imr_case c on c.id = e.case_id
                where c.case_number = :n and e.confirmed_at is null""")
                .param("n", caseNumber).query(Long.class).single();
    }

    private static List<String> letters(ImrClient coordinator, String caseNumber) {
        return coordinator.get("/api/cases/" + caseNumber).json().path("letters").findValuesAsText("kind");
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
