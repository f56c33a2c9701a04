package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceCreationIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceCreationRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.imrflow.engine.CaseMessages;
import org.imrflow.engine.CaseProcess;
import org.imrflow.engine.CaseRef;
import org.imrflow.engine.EngineCommandRelay;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.EngineWire;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox of engine commands, against a real engine made unreachable for a while: the application's client
 * reaches the engine through a wire the test cuts ({@link EngineWire}). What PostgreSQL committed reaches the engine
 * once the engine is back, exactly once: a case's process is created once, a message published once, and two relays
 * racing send each command once. A second process instance of a track (a creation retried after its answer was lost)
 * is cancelled before it does any work.
 */
@TestPropertySource(properties = {"imr.engine.outbox.relay-interval=PT0.5S", "imr.engine.outbox.first-backoff=PT0.5S",
        "imr.engine.outbox.max-backoff=PT1S", "camunda.client.worker.defaults.poll-interval=PT1S"})
class EngineOutboxIT extends ApplicationIT {

    private static final EngineWire WIRE = EngineWire.to(ApplicationIT::enginePort);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ZeebeTestEngine engine;

    @Autowired
    CamundaClient client;

    @Autowired
    CaseMessages messages;

    @Autowired
    EngineCommandRelay relay;

    @Autowired
    TransactionTemplate transactions;

    @DynamicPropertySource
    static void throughTheWire(DynamicPropertyRegistry registry) {
        registry.add("camunda.client.grpc-address", () -> "http://127.0.0.1:" + WIRE.port());
    }

    @AfterEach
    void reconnect() {
        WIRE.connect();
    }

    /*
     * The wire is left open after the class: the application's context is closed at the JVM's exit, after @AfterAll,
     * and its client and job workers should still reach the engine while they shut down. (The fork still sometimes
     * outlives Surefire's 30 s exit timeout, leaving its embedded PostgreSQL running: the shutdown hangs after the
     * event publication registry closes, cause not found yet.)
     */

    @Test
    void aCaseWhoseEngineCallFailsAfterItsCommitIsStartedLaterExactlyOnce() {
        ImrClient coordinator = as("coordinator");
        WIRE.cut();
        String caseNumber = coordinator.receive(Applications.seed001());

        await("the creation was tried and failed twice", () -> attemptsOfPending(caseNumber, "CREATE") >= 2);
        assertThat(coordinator.get("/api/cases/" + caseNumber).json().path("history").findValuesAsText("action"))
                .as("not screened while the engine is away").doesNotContain("ELIGIBILITY_SCREENED");

        WIRE.connect();
        JsonNode file = coordinator.awaitStage(caseNumber, "RECORDS");
        await("the Notice of Assignment", () -> letters(coordinator, caseNumber).contains("NOTICE_OF_ASSIGNMENT"));
        await("every command confirmed", () -> pending(caseNumber) == 0);

        Map<String, Long> creations = creationsByTrack(caseNumber);
        assertThat(creations).as("the case's own process and its clocks").containsKey(CaseProcess.CASE_TRACK);
        assertThat(creations.values()).as("each track's process created once").containsOnly(1L);
        file = coordinator.get("/api/cases/" + caseNumber).json();
        assertThat(file.path("history").findValuesAsText("action").stream().filter("ELIGIBILITY_SCREENED"::equals))
                .as("screened once").hasSize(1);
        assertThat(letters(coordinator, caseNumber).stream().filter("NOTICE_OF_ASSIGNMENT"::equals))
                .as("one Notice of Assignment").hasSize(1);
        assertThat(jdbc.sql("""
                select p.process_instance_key from case_process p join imr_case c on c.id = p.case_id
                where c.case_number = :n and p.track = 'case'""").param("n", caseNumber).query(Long.class).single())
                .as("the ledger records the created instance").isEqualTo(creationKeys(caseNumber).getFirst());
    }

    @Test
    void aSecondInstanceOfACasesProcessIsCancelledBeforeItDoesAnyWork() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receive(Applications.seed001());
        coordinator.awaitStage(caseNumber, "RECORDS");
        await("the Notice of Assignment", () -> letters(coordinator, caseNumber).contains("NOTICE_OF_ASSIGNMENT"));

        // what a creation accepted by the engine whose answer never came back leaves behind
        long second = client.newCreateInstanceCommand().bpmnProcessId(CaseProcess.PROCESS_ID).latestVersion()
                .variables(Map.of(CaseProcess.CASE_NUMBER, caseNumber, CaseProcess.TRACK, CaseProcess.CASE_TRACK))
                .send().join().getProcessInstanceKey();

        await("the second instance is cancelled", () -> records().stream().anyMatch(r ->
                r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED
                        && r.getValue() instanceof ProcessInstanceRecordValue v
                        && v.getBpmnElementType() == BpmnElementType.PROCESS && v.getProcessInstanceKey() == second));
        JsonNode file = coordinator.get("/api/cases/" + caseNumber).json();
        assertThat(file.path("history").findValuesAsText("action").stream().filter("ELIGIBILITY_SCREENED"::equals))
                .as("the second instance screened nothing").hasSize(1);
        assertThat(file.path("summary").path("stage").asText()).isEqualTo("RECORDS");
        assertThat(letters(coordinator, caseNumber).stream().filter("NOTICE_OF_ASSIGNMENT"::equals)).hasSize(1);
    }

    @Test
    void aMessageWhosePublicationFailsIsRetriedAndDeliveredOnce() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receive(Applications.seed001());
        coordinator.awaitStage(caseNumber, "RECORDS");
        await("the Notice of Assignment", () -> letters(coordinator, caseNumber).contains("NOTICE_OF_ASSIGNMENT"));
        await("the case waits for its records", () -> pending(caseNumber) == 0);

        WIRE.cut();
        assertThat(coordinator.post("/api/cases/" + caseNumber + "/records/complete", Map.of()).status()).isEqualTo(200);
        await("the messages were tried and failed twice", () -> attemptsOfPending(caseNumber, "PUBLISH") >= 2);
        assertThat(jdbc.sql("""
                select count(*) from engine_command e join imr_case c on c.id = e.case_id
                where c.case_number = :n and e.kind = 'PUBLISH' and e.payload ->> 'name' = :name
                  and e.confirmed_at is null""")
                .param("n", caseNumber).param("name", CaseProcess.RECORDS_RECEIVED).query(Integer.class).single())
                .as("the records' message waits in the outbox").isEqualTo(1);
        WIRE.connect();

        coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        await("every command confirmed", () -> pending(caseNumber) == 0);
        assertThat(messageRecords(MessageIntent.PUBLISHED, CaseProcess.RECORDS_RECEIVED, caseNumber))
                .as("published once").hasSize(1);
        List<String> ids = messageRecords(MessageIntent.PUBLISHED, null, null).stream()
                .map(MessageRecordValue::getMessageId).filter(id -> id.startsWith("imr-engine-command-")).toList();
        assertThat(ids).as("no command's message published twice").doesNotHaveDuplicates();
        assertThat(coordinator.get("/api/cases/" + caseNumber).json().path("tasks").findValuesAsText("elementId")
                .stream().filter("Task_AssignReviewer"::equals)).hasSize(1);
    }

    @Test
    void twoRelaysRacingSendEachCommandOnce() throws Exception {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receive(Applications.seed001());
        coordinator.awaitStage(caseNumber, "RECORDS");
        await("the case's commands are confirmed", () -> pending(caseNumber) == 0);
        long caseId = jdbc.sql("select id from imr_case where case_number = :n").param("n", caseNumber)
                .query(Long.class).single();
        CaseRef ref = new CaseRef(caseId, caseNumber);
        String name = "OutboxRace";
        int commands = 20;

        WIRE.cut();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < commands; i++) {
                messages.interruptAfterCommit(ref, name, caseNumber + "-" + i);
            }
        });
        await("the first send failed", () -> attemptsOfPending(caseNumber, "PUBLISH") >= 1);
        // out of the scheduled relay's way: only the two racers send them
        jdbc.sql("update engine_command set next_attempt_at = now() + interval '1 hour' where case_id = :c and confirmed_at is null")
                .param("c", caseId).update();
        WIRE.connect();
        await("the engine is reachable again", this::engineAnswers);

        ExecutorService racers = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sent.add(racers.submit(() -> {
                start.await();
                return relay.send(caseId, false);
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> each : sent) {
            total += each.get(60, TimeUnit.SECONDS);
        }
        racers.shutdown();
        assertThat(pending(caseNumber)).isZero();
        assertThat(total).as("confirmed by the two racers together").isEqualTo(commands);
        List<String> published = messageRecords(MessageIntent.PUBLISH, name, null).stream()
                .map(MessageRecordValue::getCorrelationKey).toList();
        assertThat(published).as("each command sent once").hasSize(commands).doesNotHaveDuplicates();
    }

    private boolean engineAnswers() {
        try {
            client.newTopologyRequest().send().join(2, TimeUnit.SECONDS);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private long pending(String caseNumber) {
        return jdbc.sql("""
                select count(*) from engine_command e join imr_case c on c.id = e.case_id
                where c.case_number = :n and e.confirmed_at is null""")
                .param("n", caseNumber).query(Long.class).single();
    }

    private int attemptsOfPending(String caseNumber, String kind) {
        return jdbc.sql("""
                select coalesce(max(attempts), 0) from engine_command e join imr_case c on c.id = e.case_id
                where c.case_number = :n and e.kind = :kind and e.confirmed_at is null""")
                .param("n", caseNumber).param("kind", kind).query(Integer.class).single();
    }

    private static List<String> letters(ImrClient coordinator, String caseNumber) {
        return coordinator.get("/api/cases/" + caseNumber).json().path("letters").findValuesAsText("kind");
    }

    /** How many process instances the engine created for each track of the case. */
    private Map<String, Long> creationsByTrack(String caseNumber) {
        return creations(caseNumber).stream().collect(Collectors.groupingBy(
                v -> String.valueOf(v.getVariables().get(CaseProcess.TRACK)), Collectors.counting()));
    }

    private List<Long> creationKeys(String caseNumber) {
        return creations(caseNumber).stream().filter(v -> CaseProcess.PROCESS_ID.equals(v.getBpmnProcessId()))
                .map(ProcessInstanceCreationRecordValue::getProcessInstanceKey).toList();
    }

    private List<ProcessInstanceCreationRecordValue> creations(String caseNumber) {
        return records().stream()
                .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE_CREATION
                        && r.getIntent() == ProcessInstanceCreationIntent.CREATED)
                .map(r -> (ProcessInstanceCreationRecordValue) r.getValue())
                .filter(v -> caseNumber.equals(v.getVariables().get(CaseProcess.CASE_NUMBER)))
                .toList();
    }

    private List<MessageRecordValue> messageRecords(MessageIntent intent, String name, String correlationKey) {
        return records().stream()
                .filter(r -> r.getValueType() == ValueType.MESSAGE && r.getIntent() == intent
                        && (intent != MessageIntent.PUBLISH || r.getRecordType() == RecordType.COMMAND))
                .map(r -> (MessageRecordValue) r.getValue())
                .filter(v -> (name == null || name.equals(v.getName()))
                        && (correlationKey == null || correlationKey.equals(v.getCorrelationKey())))
                .toList();
    }

    /** Every record the engine wrote so far; the engine appends to the list while we read it. */
    private List<Record<?>> records() {
        for (int attempt = 0; ; attempt++) {
            try {
                List<Record<?>> copy = new ArrayList<>();
                engine.getRecordStreamSource().getRecords().forEach(copy::add);
                return copy;
            } catch (ConcurrentModificationException | IndexOutOfBoundsException e) {
                if (attempt > 50) {
                    throw e;
                }
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Never: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
