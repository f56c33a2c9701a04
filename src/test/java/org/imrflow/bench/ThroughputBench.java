package org.imrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.imrflow.load.Cases;
import org.imrflow.load.EmbeddedApplication;
import org.imrflow.load.LoadClient;
import org.imrflow.load.Metrics;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Cases from intake to the Final Determination Letter through the HTTP API (issue 10, item 1b), every human task done
 * as its role would: the coordinator enters the application, marks the record set complete once the Notice of
 * Assignment is out, claims "Assign reviewer" and offers the case to the first (lightest-loaded) candidate; that
 * reviewer accepts with the no-conflict attestation and reviews every disputed item; the medical director claims
 * and approves the quality review; the case is done when it is {@code DECIDED} with its Final Determination Letter.
 *
 * <p>{@code bench.cases} cases (default 400) at each concurrency of {@code bench.clients} (default {@code 1,8}):
 * that many clients each drive one case at a time, polling the case file with a short backoff while the engine works.
 * Figures per {@code bench.batch} decided cases (default 100) show whether the pace decays as cases accumulate.
 * Each client signs in with a personal API token when the application offers them ({@code POST /api/tokens}),
 * otherwise with HTTP Basic. The ratio to the bare engine is given when {@link EngineReferenceBench} ran before
 * (its figures in {@code target/bench/engine-reference.properties}).
 *
 * <p>The application starts in this JVM ({@link EmbeddedApplication}) on a fresh data folder under
 * {@code target/bench-data/}, or on {@code bench.dataDir} (e.g. a year of data); {@code bench.appArgs} adds settings.
 * {@code -Dbench.jfr=true} records a JFR profile of the run into {@code target/bench/throughput.jfr}. The heap after
 * a full GC and the RSS of this JVM (the application, the harness and its clients) are reported at the end.
 */
class ThroughputBench {

    static final String NAME = "throughput";
    private static final String REVIEWER_PASSWORD = "demo";

    private final int cases = Integer.getInteger("bench.cases", 400);
    private final int batch = Math.max(1, Integer.getInteger("bench.batch", 100));
    private final List<Integer> concurrencies = BenchReports.integers("bench.clients", "1,8");
    private final Duration caseTimeout = Duration.ofSeconds(Long.getLong("bench.caseTimeoutSeconds", 300));
    private final Metrics metrics = new Metrics();
    private final Map<String, LoadClient> clients = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<String> failureSamples = Collections.synchronizedList(new ArrayList<>());
    private String baseUrl;
    private boolean tokens;

    @Test
    void casesFromIntakeToLetter() throws Exception {
        String dataDir = System.getProperty("bench.dataDir", "target/bench-data/throughput-" + UUID.randomUUID());
        Recording recording = null;
        if (Boolean.getBoolean("bench.jfr")) {
            Files.createDirectories(BenchReports.DIR);
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setToDisk(true);
            recording.setDestination(BenchReports.DIR.resolve(NAME + ".jfr"));
        }
        long startedAt = System.nanoTime();
        try (ConfigurableApplicationContext application = EmbeddedApplication.start(dataDir,
                EmbeddedApplication.argsOf("bench.appArgs"))) {
            BenchReports.log("application started in %d ms", (System.nanoTime() - startedAt) / 1_000_000);
            baseUrl = EmbeddedApplication.baseUrl(application);
            tokens = !Boolean.getBoolean("bench.basic");
            Properties reference = BenchReports.readFigures(EngineReferenceBench.NAME);
            StringBuilder table = new StringBuilder("""
                    ## Throughput: cases from intake to letter through the HTTP API

                    %d cases per row; signed in with %s; %s.

                    | clients | cases | decided | minutes | cases/min | engine reference (instances/min) | share of the engine | per batch of %d (cases/min) |
                    |---:|---:|---:|---:|---:|---:|---:|---|
                    """.formatted(cases, tokens ? "personal API tokens" : "HTTP Basic",
                    System.getProperty("bench.appArgs", "").isBlank() ? "default settings"
                            : "settings " + System.getProperty("bench.appArgs"), batch));
            if (recording != null) {
                recording.start();
            }
            Properties figures = new Properties();
            for (int concurrency : concurrencies) {
                Run run = run(concurrency);
                String engine = reference.getProperty("clients." + concurrency);
                String share = engine == null ? "—"
                        : String.format(Locale.ROOT, "%.1f %%", 100 * run.perMinute() / Double.parseDouble(engine));
                table.append(String.format(Locale.ROOT, "| %d | %d | %d | %.2f | %.1f | %s | %s | %s |%n", concurrency,
                        cases, run.decided(), run.seconds() / 60, run.perMinute(), engine == null ? "—" : engine,
                        share, run.batches()));
                figures.setProperty("clients." + concurrency, String.format(Locale.ROOT, "%.1f", run.perMinute()));
                BenchReports.log("%d clients: %d decided, %.1f cases/min (%s of the engine), batches %s", concurrency,
                        run.decided(), run.perMinute(), share, run.batches());
            }
            if (recording != null) {
                recording.stop();
                BenchReports.log("JFR profile in %s", BenchReports.DIR.resolve(NAME + ".jfr"));
            }
            table.append("\n").append(memory()).append(' ').append(engineLog(application)).append("\n\n")
                    .append(requests());
            if (!failureSamples.isEmpty()) {
                table.append("\nFailures (first ones):\n\n");
                synchronized (failureSamples) {
                    failureSamples.stream().limit(10).forEach(f -> table.append("- ").append(f).append('\n'));
                }
            }
            BenchReports.write(NAME, table.toString());
            BenchReports.writeFigures(NAME, figures);
        } finally {
            if (recording != null) {
                recording.close();
            }
        }
        assertThat(failures).as("cases that did not reach their letter, see " + BenchReports.DIR).hasValue(0);
        assertThat(metrics.serverErrors()).as("5xx answers").isZero();
    }

    /** The client of a demo user, signed in on the API with a personal API token unless -Dbench.basic=true. */
    private LoadClient client(String username) {
        return clients.computeIfAbsent(username, u -> {
            LoadClient client = new LoadClient(baseUrl, u, REVIEWER_PASSWORD, metrics);
            if (tokens) {
                LoadClient.Reply issued = client.post("POST /api/tokens", "/api/tokens",
                        Map.of("name", "throughput bench", "days", 1), 201);
                client.useApiToken(issued.json().path("token").asText());
            }
            return client;
        });
    }

    private record Run(int decided, double seconds, String batches) {
        double perMinute() {
            return seconds == 0 ? 0 : decided * 60 / seconds;
        }
    }

    private Run run(int concurrency) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(cases);
        List<Long> decidedAt = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            threads.add(Thread.ofPlatform().name("bench-client-" + i).start(() -> {
                while (left.getAndDecrement() > 0) {
                    try {
                        driveOneCase();
                        decidedAt.add(System.nanoTime());
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        if (failureSamples.size() < 30) {
                            failureSamples.add(e.getMessage());
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> times = new ArrayList<>(decidedAt);
        Collections.sort(times);
        List<String> batches = new ArrayList<>();
        long from = start;
        for (int end = batch; end <= times.size(); end += batch) {
            long to = times.get(end - 1);
            batches.add(String.format(Locale.ROOT, "%.0f", batch * 60e9 / Math.max(1, to - from)));
            from = to;
        }
        return new Run(times.size(), seconds, String.join(", ", batches));
    }

    /** One case from intake to its letter, every task done by its role. */
    private void driveOneCase() {
        LoadClient coordinator = client("coordinator");
        String lastName = Cases.lastName(ThreadLocalRandom.current()) + "-bench";
        LoadClient.Reply received = coordinator.post("POST /api/cases (intake)", "/api/cases",
                Cases.application(ThreadLocalRandom.current(), lastName), 201);
        if (!received.is(201)) {
            throw new IllegalStateException("intake answered " + received.status() + ": " + received.body());
        }
        String caseNumber = received.json().path("caseNumber").asText();
        Poll poll = new Poll(caseNumber);

        poll.until(coordinator, "RECORDS stage", file -> "RECORDS".equals(stage(file)) ? file : null);
        ok(coordinator.post("POST /api/cases/{n}/records/complete", "/api/cases/" + caseNumber + "/records/complete",
                Map.of(), 200), caseNumber, "records complete");

        // the coordinator assigns a reviewer (ranks again when nobody was free)
        JsonNode assign = poll.until(coordinator, "Task_AssignReviewer", file -> openTask(file, "Task_AssignReviewer")
                .or(() -> openTask(file, "Task_FindReviewer")).orElse(null));
        while ("Task_FindReviewer".equals(assign.path("elementId").asText())) {
            claimAndComplete(coordinator, caseNumber, assign, Map.of("searchNote", "Bench: ranking the panel again."));
            long previous = assign.path("id").asLong();
            assign = poll.until(coordinator, "Task_AssignReviewer", file -> openTask(file, "Task_AssignReviewer")
                    .or(() -> openTask(file, "Task_FindReviewer").filter(t -> t.path("id").asLong() != previous))
                    .orElse(null));
        }
        claim(coordinator, caseNumber, assign);
        JsonNode options = coordinator.get("GET /api/tasks/{id}/form", "/api/tasks/" + assign.path("id").asLong()
                + "/form", 200).json().path("values").path("reviewerOptions");
        if (options.isEmpty()) {
            throw new IllegalStateException(caseNumber + ": no reviewer offered in Task_AssignReviewer");
        }
        complete(coordinator, caseNumber, assign, Map.of("reviewerId", options.get(0).path("value").asText()));

        // the reviewer it was offered to accepts, then reviews every item
        JsonNode accept = poll.until(coordinator, "Task_AcceptAssignment",
                file -> openTask(file, "Task_AcceptAssignment").filter(t -> t.hasNonNull("assignee")).orElse(null));
        LoadClient reviewer = client(accept.path("assignee").asText());
        complete(reviewer, caseNumber, accept, Map.of("assignmentResponse", "ACCEPT", "noConflictAttested", true));
        JsonNode file = poll.until(reviewer, "Task_ReviewCase",
                f -> openTask(f, "Task_ReviewCase").isPresent() ? f : null);
        JsonNode review = openTask(file, "Task_ReviewCase").orElseThrow();
        complete(reviewer, caseNumber, review, Cases.review(file.path("items"), ThreadLocalRandom.current()));

        // the medical director approves the quality review
        LoadClient director = client("director");
        JsonNode quality = poll.until(director, "Task_QualityReview",
                f -> openTask(f, "Task_QualityReview").orElse(null));
        claimAndComplete(director, caseNumber, quality, Map.of("qaDecision", "APPROVE"));

        poll.until(coordinator, "DECIDED with its letter", f -> "DECIDED".equals(stage(f)) && hasFinalLetter(f) ? f : null);
    }

    /** Polls the case file with a growing pause (50 ms to 500 ms) until {@code found} gives something. */
    private final class Poll {

        private final String caseNumber;

        Poll(String caseNumber) {
            this.caseNumber = caseNumber;
        }

        JsonNode until(LoadClient client, String what, java.util.function.Function<JsonNode, JsonNode> found) {
            Instant deadline = Instant.now().plus(caseTimeout);
            long pause = 50;
            JsonNode file = null;
            while (Instant.now().isBefore(deadline)) {
                LoadClient.Reply reply = client.get("GET /api/cases/{n} (waiting)", "/api/cases/" + caseNumber, 200);
                if (reply.is(200)) {
                    file = reply.json();
                    JsonNode result = found.apply(file);
                    if (result != null) {
                        return result;
                    }
                }
                sleep(pause);
                pause = Math.min(500, pause * 3 / 2);
            }
            throw new IllegalStateException(caseNumber + " never reached " + what + " within " + caseTimeout
                    + "; stage " + (file == null ? "?" : stage(file)));
        }
    }

    private static String stage(JsonNode file) {
        return file.path("summary").path("stage").asText();
    }

    private static Optional<JsonNode> openTask(JsonNode file, String elementId) {
        for (JsonNode task : file.path("tasks")) {
            if ("OPEN".equals(task.path("status").asText()) && elementId.equals(task.path("elementId").asText())) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    private static boolean hasFinalLetter(JsonNode file) {
        for (JsonNode letter : file.path("letters")) {
            if ("FINAL_DETERMINATION".equals(letter.path("kind").asText())) {
                return true;
            }
        }
        return false;
    }

    private void claimAndComplete(LoadClient client, String caseNumber, JsonNode task, Map<String, ?> values) {
        claim(client, caseNumber, task);
        complete(client, caseNumber, task, values);
    }

    private void claim(LoadClient client, String caseNumber, JsonNode task) {
        if (!task.hasNonNull("assignee") && !task.hasNonNull("claimedBy")) {
            ok(client.post("POST /api/tasks/{id}/claim", "/api/tasks/" + task.path("id").asLong() + "/claim", Map.of(),
                    200), caseNumber, "claim " + task.path("elementId").asText());
        }
    }

    private void complete(LoadClient client, String caseNumber, JsonNode task, Map<String, ?> values) {
        String element = task.path("elementId").asText();
        ok(client.post("complete " + element, "/api/tasks/" + task.path("id").asLong() + "/complete", values, 200),
                caseNumber, "complete " + element);
    }

    private static void ok(LoadClient.Reply reply, String caseNumber, String what) {
        if (reply.status() != 200) {
            throw new IllegalStateException(caseNumber + ": " + what + " answered " + reply.status() + ": "
                    + (reply.body() == null ? "" : reply.body().substring(0, Math.min(300, reply.body().length()))));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The heap after a full GC and this JVM's RSS (the application with the harness), from /proc/self/status. */
    static String memory() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String rss = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                    rss = (rss.equals("?") ? "" : rss + ", ") + line.replaceAll("\\s+", " ");
                }
            }
        } catch (java.io.IOException e) {
            // not Linux
        }
        return String.format(Locale.ROOT, "Memory of this JVM (application and harness) after the run: heap used after "
                + "a full GC %d MB; %s.", heap / (1024 * 1024), rss);
    }

    /** What the embedded engine's log holds and has dropped (imr.engine.log-retained). */
    private static String engineLog(ConfigurableApplicationContext application) {
        MeterRegistry meters = application.getBean(MeterRegistry.class);
        return String.format(Locale.ROOT, "The engine's log holds %.1f MB and has dropped %.1f MB.",
                meters.get("imr.engine.log.held").gauge().value() / (1024 * 1024),
                meters.get("imr.engine.log.dropped").functionCounter().count() / (1024 * 1024));
    }

    private String requests() {
        StringBuilder table = new StringBuilder("""
                | request | count | errors | p50 ms | p95 ms | max ms |
                |---|---:|---:|---:|---:|---:|
                """);
        metrics.figures().forEach((action, f) -> table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n",
                action, f.count(), f.errors(), f.p50(), f.p95(), f.max())));
        return table.toString();
    }
}
