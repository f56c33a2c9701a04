package org.imrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.imrflow.cluster.StandaloneEngine;
import org.imrflow.engine.CaseProcess;
import org.imrflow.support.ApplicationIT;
import org.junit.jupiter.api.Test;

/**
 * The engine's reference pace (issue 10, item 1a): the application's models ({@code bpmn/}, {@code forms/}) on the
 * bare embedded engine, started as {@code engine.EmbeddedModeConfiguration} starts it, with a client set as the
 * application's ({@code application.yml}: streaming workers, one-minute poll) and no-op job workers that complete
 * every job at once with what the gateways need for the ordinary path: eligible, records received, one reviewer
 * found and assigned, the assignment accepted, the review done, the guidelines met, the quality review approved,
 * the letter issued. No database, no HTTP, no domain work: what imrflow could reach at best.
 *
 * <p>After {@code bench.engineWarmup} instances (default 300) it runs {@code bench.engineInstances} (default 1000)
 * at each concurrency of {@code bench.clients} (default {@code 1,8}): that many threads, each starting an instance
 * and waiting for its end ({@code withResult}), again and again. Writes {@code target/bench/engine-reference.md} and
 * the figures {@code target/bench/engine-reference.properties} ({@code clients.<n>} = instances/min) that
 * {@link ThroughputBench} compares to.
 */
class EngineReferenceBench {

    static final String NAME = "engine-reference";

    private final int warmup = Integer.getInteger("bench.engineWarmup", 300);
    private final int instances = Integer.getInteger("bench.engineInstances", 1000);
    private final List<Integer> concurrencies = BenchReports.integers("bench.clients", "1,8");
    private final int workerThreads = Integer.getInteger("bench.engineWorkerThreads", 4);
    private final AtomicInteger numbers = new AtomicInteger();

    @Test
    void bareEngineRunsTheCaseModel() throws Exception {
        int port = ApplicationIT.freePort();
        ZeebeTestEngine engine = StandaloneEngine.create(port);
        engine.start();
        CamundaClient client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://127.0.0.1:" + port)).restAddress(URI.create("http://127.0.0.1:1"))
                .preferRestOverGrpc(false).defaultJobWorkerStreamEnabled(true)
                .numJobWorkerExecutionThreads(workerThreads).defaultRequestTimeout(Duration.ofSeconds(60)).build();
        List<JobWorker> workers = new ArrayList<>();
        try {
            deploy(client);
            for (String type : List.of(CaseProcess.SCREEN_ELIGIBILITY, CaseProcess.SEND_NOTICE_OF_ASSIGNMENT,
                    CaseProcess.CHECK_RECORD_SET, CaseProcess.RANK_REVIEWERS, CaseProcess.CHECK_GUIDELINES,
                    CaseProcess.ISSUE_DETERMINATION, CaseProcess.USER_TASK)) {
                workers.add(client.newWorker().jobType(type).handler(EngineReferenceBench::complete)
                        .pollInterval(Duration.ofMinutes(1)).streamEnabled(true).open());
            }
            BenchReports.log("engine reference: warming up with %d instances", warmup);
            run(client, Math.max(1, concurrencies.getLast()), warmup);

            StringBuilder table = new StringBuilder("""
                    ## Engine reference: the case model on the bare embedded engine

                    No-op job workers (%d execution threads, streaming), %d instances per row after %d for warm-up; \
                    each client starts an instance and waits for its end.

                    | clients | instances | seconds | instances/min |
                    |---:|---:|---:|---:|
                    """.formatted(workerThreads, instances, warmup));
            Properties figures = new Properties();
            for (int clients : concurrencies) {
                long start = System.nanoTime();
                run(client, clients, instances);
                double seconds = (System.nanoTime() - start) / 1e9;
                double perMinute = instances * 60 / seconds;
                table.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.0f |%n", clients, instances, seconds,
                        perMinute));
                figures.setProperty("clients." + clients, String.format(Locale.ROOT, "%.1f", perMinute));
                BenchReports.log("engine reference: %d clients, %.0f instances/min", clients, perMinute);
            }
            BenchReports.write(NAME, table.toString());
            BenchReports.writeFigures(NAME, figures);
            assertThat(figures).hasSize(concurrencies.size());
        } finally {
            workers.forEach(JobWorker::close);
            client.close();
            engine.stop();
        }
    }

    /** The application's models and forms, as {@code ImrflowApplication}'s {@code @Deployment} deploys them. */
    private static void deploy(CamundaClient client) throws IOException {
        List<Path> resources = new ArrayList<>();
        for (String folder : List.of("bpmn", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.sorted().forEach(resources::add);
            }
        }
        DeployResourceCommandStep2 command = client.newDeployResourceCommand()
                .addResourceFile(resources.getFirst().toString());
        for (Path resource : resources.subList(1, resources.size())) {
            command = command.addResourceFile(resource.toString());
        }
        command.send().join();
    }

    /** {@code clients} threads start instances and wait for their ends until {@code count} have ended. */
    private void run(CamundaClient client, int clients, int count) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(count);
        AtomicInteger failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().name("engine-client-" + i).start(() -> {
                while (left.getAndDecrement() > 0) {
                    try {
                        runOne(client);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failed).as("instances that did not end").hasValue(0);
    }

    /** One case: its records arrive (the message waits for the instance), and the instance runs to its end. */
    private void runOne(CamundaClient client) {
        String caseNumber = "REF-" + numbers.incrementAndGet();
        client.newPublishMessageCommand().messageName(CaseProcess.RECORDS_RECEIVED).correlationKey(caseNumber)
                .timeToLive(Duration.ofMinutes(5)).variables(Map.of("recordsOutcome", "PROCEED"))
                .send().join(60, TimeUnit.SECONDS);
        client.newCreateInstanceCommand().bpmnProcessId(CaseProcess.PROCESS_ID).latestVersion()
                .variables(Map.of(CaseProcess.CASE_NUMBER, caseNumber, CaseProcess.TRACK, CaseProcess.CASE_TRACK,
                        CaseProcess.RECORDS_DUE, "2099-01-01T00:00:00Z"))
                .withResult().requestTimeout(Duration.ofSeconds(30)).send().join(30, TimeUnit.SECONDS);
    }

    /** Completes every job at once with what the ordinary path's gateways ask for. */
    private static void complete(JobClient jobs, ActivatedJob job) {
        Map<String, Object> variables = switch (job.getElementId()) {
            case "Task_ScreenEligibility" -> Map.of("eligibility", "ELIGIBLE");
            case "Task_CheckRecordSet" -> Map.of("recordsOutcome", "PROCEED");
            case "Task_RankReviewers" -> Map.of("reviewerFound", true, "panelSize", 1);
            case "Task_AssignReviewer" -> Map.of("reviewerId", "reviewer", "reviewerUsername", "reviewer");
            case "Task_AcceptAssignment" -> Map.of("assignmentResponse", "ACCEPT", "noConflictAttested", true);
            case "Task_CheckGuidelines" -> Map.of("guidelineCheck", "PASSED");
            case "Task_QualityReview" -> Map.of("qaDecision", "APPROVE");
            default -> Map.of();
        };
        jobs.newCompleteCommand(job.getKey()).variables(variables).send(); // not awaited: the client's withResult awaits the instance's end
    }
}
