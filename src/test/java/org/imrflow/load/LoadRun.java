package org.imrflow.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The load test (issue 11, item 5): simulated users, each with their own account, work cases from intake to the
 * Final Determination Letter for {@code load.minutes}; then intake stops and the users drive the open cases to their
 * letters for up to {@code load.drainMinutes}; then every acknowledged intake and task completion is looked for.
 * Prints and writes {@code target/load-report.md}; fails on any 5xx, a lost case or completion, a task completed
 * twice, a case not decided or a stuck case.
 *
 * <p>Not a {@code *Test} nor an {@code *IT}: only the Maven profile {@code load} runs it
 * ({@code ./mvnw -Pload verify -Dload.minutes=10 -Dload.users=50}). Without {@code load.url} it starts the whole
 * application on the embedded engine and a fresh embedded PostgreSQL, with the demo reviewers and admin/demo; with
 * {@code -Dload.url=http://host:port -Dload.adminPassword=...} it targets a running instance, whose reviewer users
 * {@code reviewer}, {@code reviewer2}, ... have the password {@code load.reviewerPassword} (default {@code demo}).
 * See docs/performance.md.
 */
class LoadRun {

    private static final Path REPORT = Path.of("target", "load-report.md");
    private static final List<String> FLOW = List.of(SimulatedUser.ASSIGN_REVIEWER, SimulatedUser.ACCEPT_ASSIGNMENT,
            SimulatedUser.REVIEW_CASE, SimulatedUser.QUALITY_REVIEW);

    private final LoadConfig config = LoadConfig.fromSystemProperties();
    private final Metrics metrics = new Metrics();
    private final Metrics harnessMetrics = new Metrics();
    private final Ledger ledger = new Ledger();

    @Test
    void usersWorkCasesWithoutLoss() throws Exception {
        ConfigurableApplicationContext application = null;
        String baseUrl = config.url();
        String target = baseUrl;
        if (baseUrl == null) {
            application = startEmbedded();
            baseUrl = EmbeddedApplication.baseUrl(application);
            target = "the embedded application (started by the harness) at " + baseUrl
                    + (System.getProperty("load.appArgs", "").isBlank() ? "" : " with " + System.getProperty("load.appArgs"));
        }
        try {
            Result result = run(baseUrl, target);
            String report = result.report();
            System.out.println(report);
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report);
            assertThat(result.failures()).as("see " + REPORT).isEmpty();
        } finally {
            if (application != null) {
                application.close();
            }
        }
    }

    /**
     * The application as {@code ./mvnw spring-boot:run} starts it ({@link EmbeddedApplication}), with a data folder of
     * its own under target/load-data; {@code -Dload.appArgs="--a=b --c=d"} adds settings.
     */
    private static ConfigurableApplicationContext startEmbedded() {
        return EmbeddedApplication.start("target/load-data/" + UUID.randomUUID(), EmbeddedApplication.argsOf("load.appArgs"));
    }

    private Result run(String baseUrl, String target) throws InterruptedException {
        LoadClient admin = new LoadClient(baseUrl, config.adminUsername(), config.adminPassword(), harnessMetrics);
        awaitReady(admin);
        List<SimulatedUser> users = accounts(baseUrl, admin);
        LoadClient checker = signIn(baseUrl, "load-checker", config.userPassword(), harnessMetrics);

        log("%d users for %s min: %d coordinators, %d reviewers, %d medical directors, %d auditors", users.size(),
                config.minutes(), config.coordinators(), config.reviewers(), config.directors(), config.auditors());
        Instant start = Instant.now();
        List<Thread> threads = new ArrayList<>();
        for (SimulatedUser user : users) {
            threads.add(Thread.ofPlatform().name("load-" + user.client.username()).start(user));
        }
        Instant intakeClosed;
        Duration drained;
        try {
            Instant end = start.plus(minutes(config.minutes()));
            while (Instant.now().isBefore(end)) {
                Thread.sleep(Math.min(30_000, Math.max(1, Duration.between(Instant.now(), end).toMillis())));
                progress(start);
            }
            ledger.intakeOpen = false;
            intakeClosed = Instant.now();
            log("intake stopped; draining the open cases for up to %s min", config.drainMinutes());
            Set<String> decided = new HashSet<>();
            Instant drainEnd = intakeClosed.plus(minutes(config.drainMinutes()));
            while (Instant.now().isBefore(drainEnd)) {
                // only the approved cases can be decided: the others are read once, in the checks
                for (String caseNumber : ledger.approved()) {
                    if (!decided.contains(caseNumber)) {
                        LoadClient.Reply reply = checker.get("check", "/api/cases/" + caseNumber, 200);
                        if ("DECIDED".equals(reply.json().path("summary").path("stage").asText())) {
                            decided.add(caseNumber);
                        }
                    }
                }
                int open = ledger.intakes().size() - decided.size();
                log("draining: %d case(s) not decided yet; %s", open, ledger.pipeline());
                if (open == 0) {
                    break;
                }
                Thread.sleep(10_000);
            }
            drained = Duration.between(intakeClosed, Instant.now());
        } finally {
            ledger.running = false;
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(90));
            }
        }
        log("users stopped; checking every acknowledged intake and completion");
        return check(checker, target, start, intakeClosed, drained);
    }

    /** Waits until the application answers the administrator (503 while it starts); a 401 ends the run at once. */
    private static void awaitReady(LoadClient admin) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            LoadClient.Reply reply = admin.get("ready", "/api/admin/users?q=" + admin.username(), 200, 503);
            if (reply.is(200)) {
                return;
            }
            if (reply.is(401) || reply.is(403)) {
                throw new IllegalStateException("The administrator " + admin.username() + " cannot sign in ("
                        + reply.status() + "): give -Dload.admin and -Dload.adminPassword");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The application never became ready: " + reply.status() + " " + reply.body());
            }
            Thread.sleep(2000);
        }
    }

    /**
     * The simulated users: the demo reviewers with their own accounts, and coordinators, medical directors and
     * auditors created through the administrators' API (or given this run's password if they exist already), plus
     * the checker, a coordinator who only reads. Every account signs in once before the run starts.
     */
    private List<SimulatedUser> accounts(String baseUrl, LoadClient admin) {
        List<SimulatedUser> users = new ArrayList<>();
        ensureUser(admin, "load-checker", "Load Checker", "COORDINATOR");
        for (int i = 1; i <= config.coordinators(); i++) {
            String name = "load-coordinator-%02d".formatted(i);
            ensureUser(admin, name, "Load Coordinator %02d".formatted(i), "COORDINATOR");
            users.add(new SimulatedUser.Coordinator(signIn(baseUrl, name, config.userPassword()), ledger, config));
        }
        for (int i = 1; i <= config.reviewers(); i++) {
            String name = i == 1 ? "reviewer" : "reviewer" + i;
            users.add(new SimulatedUser.Reviewer(signIn(baseUrl, name, config.reviewerPassword()), ledger, config));
        }
        for (int i = 1; i <= config.directors(); i++) {
            String name = "load-director-%02d".formatted(i);
            ensureUser(admin, name, "Load Director %02d".formatted(i), "MEDICAL_DIRECTOR");
            users.add(new SimulatedUser.Director(signIn(baseUrl, name, config.userPassword()), ledger, config));
        }
        for (int i = 1; i <= config.auditors(); i++) {
            String name = "load-auditor-%02d".formatted(i);
            ensureUser(admin, name, "Load Auditor %02d".formatted(i), "AUDITOR");
            users.add(new SimulatedUser.Auditor(signIn(baseUrl, name, config.userPassword()), ledger, config));
        }
        return users;
    }

    private void ensureUser(LoadClient admin, String username, String fullName, String role) {
        LoadClient.Reply created = admin.post("create user", "/api/admin/users", Map.of("username", username,
                "fullName", fullName, "roles", List.of(role), "password", config.userPassword()), 201, 400);
        if (created.is(400)) { // taken: an earlier run against the same instance
            admin.put("update user", "/api/admin/users/" + username,
                    Map.of("fullName", fullName, "roles", List.of(role), "active", true), 200);
            admin.post("set password", "/api/admin/users/" + username + "/password",
                    Map.of("password", config.userPassword()), 204);
        }
    }

    /**
     * The user's client, once a first request with their credentials has succeeded; with {@code load.apiTokens} it
     * then issues itself a personal API token (one day, all the user's roles) for its API requests.
     */
    private LoadClient signIn(String baseUrl, String username, String password) {
        return signIn(baseUrl, username, password, metrics);
    }

    private LoadClient signIn(String baseUrl, String username, String password, Metrics into) {
        LoadClient user = new LoadClient(baseUrl, username, password, into);
        LoadClient probe = new LoadClient(baseUrl, username, password, harnessMetrics);
        LoadClient.Reply reply = probe.get("sign in", "/api/tasks", 200);
        if (!reply.is(200)) {
            throw new IllegalStateException(username + " cannot sign in: " + reply.status() + " " + reply.body());
        }
        if (config.apiTokens()) {
            LoadClient.Reply issued = probe.post("issue API token", "/api/tokens",
                    Map.of("name", "load run " + config.runId(), "days", 1), 201);
            if (!issued.is(201)) {
                throw new IllegalStateException(username + " cannot issue an API token (-Dload.apiTokens=false to use"
                        + " HTTP Basic): " + issued.status() + " " + issued.body());
            }
            user.useApiToken(issued.json().path("token").asText());
        }
        return user;
    }

    private void progress(Instant start) {
        Metrics.Figures total = metrics.total();
        log("%s: %s; %d request(s), %d error(s) (%d 5xx), p95 %d ms", format(Duration.between(start, Instant.now())),
                ledger.pipeline(), total.count(), total.errors(), total.serverErrors(), total.p95());
    }

    /** Looks for every acknowledged intake and completion, and for stuck cases. */
    private Result check(LoadClient checker, String target, Instant start, Instant intakeClosed, Duration drained)
            throws InterruptedException {
        List<String> failures = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> notDecided = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        Map<String, Integer> stages = new TreeMap<>();
        Map<Long, JsonNode> tasksById = new HashMap<>();
        Set<String> stuckCandidates = new HashSet<>();
        int decided = 0;
        int decidedInWindow = 0;
        for (Ledger.Intake intake : ledger.intakes()) {
            LoadClient.Reply reply = checker.get("check", "/api/cases/" + intake.caseNumber(), 200);
            if (!reply.is(200)) {
                missing.add(intake.caseNumber() + " (acknowledged " + intake.at() + " to " + intake.coordinator()
                        + "): GET answers " + reply.status());
                continue;
            }
            JsonNode file = reply.json();
            String stage = file.path("summary").path("stage").asText();
            stages.merge(stage, 1, Integer::sum);
            List<JsonNode> finals = new ArrayList<>();
            file.path("letters").forEach(letter -> {
                if ("FINAL_DETERMINATION".equals(letter.path("kind").asText())) {
                    finals.add(letter);
                }
            });
            Map<String, Integer> completedPerElement = new TreeMap<>();
            List<String> open = new ArrayList<>();
            for (JsonNode task : file.path("tasks")) {
                tasksById.put(task.path("id").asLong(), task);
                if ("COMPLETED".equals(task.path("status").asText())) {
                    completedPerElement.merge(task.path("elementId").asText(), 1, Integer::sum);
                } else if ("OPEN".equals(task.path("status").asText())) {
                    open.add(task.path("elementId").asText() + describeHolder(task));
                }
            }
            completedPerElement.forEach((element, count) -> {
                if (FLOW.contains(element) && count > 1) {
                    duplicates.add(intake.caseNumber() + ": " + element + " completed " + count + " times");
                }
            });
            boolean isDecided = "DECIDED".equals(stage) && finals.size() == 1;
            if (isDecided) {
                decided++;
                Instant issued = Instant.parse(finals.get(0).path("issuedAt").asText());
                if (!issued.isAfter(intakeClosed)) {
                    decidedInWindow++;
                }
            } else {
                notDecided.add(intake.caseNumber() + ": " + whereItStands(file) + ", " + finals.size()
                        + " Final Determination Letter(s), open tasks " + open);
            }
            if (stuck(file, ledger)) {
                stuckCandidates.add(intake.caseNumber());
            }
        }
        List<String> stuck = stuck(checker, stuckCandidates);

        List<String> lost = new ArrayList<>();
        List<Ledger.Completion> completions = ledger.completions();
        for (Ledger.Completion completion : completions) {
            JsonNode task = tasksById.get(completion.taskId());
            String status = task == null ? "absent from the case file" : task.path("status").asText();
            String by = task == null ? null : task.path("completedBy").asText(null);
            if (!"COMPLETED".equals(status) || (by != null && !by.equals(completion.username()))) {
                lost.add("task " + completion.taskId() + " " + completion.elementId() + " of " + completion.caseNumber()
                        + ", acknowledged to " + completion.username() + " at " + completion.at() + ": " + status
                        + (by == null ? "" : " by " + by));
            }
        }
        completions.stream().collect(Collectors.groupingBy(Ledger.Completion::taskId, Collectors.counting()))
                .forEach((id, count) -> {
                    if (count > 1) {
                        duplicates.add("task " + id + ": completion acknowledged " + count + " times");
                    }
                });

        if (metrics.serverErrors() > 0) {
            failures.add(metrics.serverErrors() + " response(s) with a 5xx status");
        }
        addIf(failures, missing, "acknowledged case(s) missing");
        addIf(failures, notDecided, "acknowledged case(s) not decided with exactly one Final Determination Letter");
        addIf(failures, lost, "acknowledged completion(s) not recorded as completed");
        addIf(failures, duplicates, "task(s) completed twice");
        addIf(failures, stuck, "stuck case(s)");

        Duration window = Duration.between(start, intakeClosed);
        double windowMinutes = window.toMillis() / 60_000.0;
        StringBuilder report = new StringBuilder();
        report.append("# Load test report\n\n");
        report.append("- target: ").append(target).append('\n');
        report.append("- started ").append(start).append("; users ").append(config.users()).append(" (")
                .append(config.coordinators()).append(" coordinators, ").append(config.reviewers())
                .append(" reviewers, ").append(config.directors()).append(" medical directors, ")
                .append(config.auditors()).append(" auditors); think time ").append(config.minThinkMillis())
                .append("-").append(config.maxThinkMillis()).append(" ms; one intake per coordinator every ~")
                .append(config.intakeSeconds()).append(" s\n");
        report.append("- load window ").append(format(window)).append(", then drain ").append(format(drained))
                .append(" (at most ").append(config.drainMinutes()).append(" min) without intake\n");
        report.append("- API requests signed in with ").append(config.apiTokens()
                ? "each user's personal API token (Bearer); pages with HTTP Basic and a session"
                : "HTTP Basic (a password check each; -Dload.apiTokens=false)").append('\n');
        report.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" processor(s), ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(System.getProperty("java.version")).append("\n\n");
        report.append("## Requests per action (load window and drain)\n\n");
        report.append("| action | count | errors | 5xx | 409 conflicts | p50 ms | p95 ms | max ms |\n");
        report.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        metrics.figures().forEach((action, f) -> row(report, action, f));
        row(report, "**total**", metrics.total());
        report.append("\nErrors are statuses >= 500, unexpected 4xx and failed exchanges; a 409 on a claim is another "
                + "user claiming the same group task first, and counts as no error.\n\n");
        report.append("## Cases\n\n");
        report.append("| | |\n|---|---:|\n");
        report.append("| cases received (201) | ").append(ledger.intakes().size()).append(" |\n");
        report.append("| received per minute | ").append("%.1f".formatted(ledger.intakes().size() / windowMinutes)).append(" |\n");
        report.append("| decided during the load window | ").append(decidedInWindow).append(" |\n");
        report.append("| decided per minute during the load window | ").append("%.1f".formatted(decidedInWindow / windowMinutes)).append(" |\n");
        report.append("| decided after the drain | ").append(decided).append(" |\n");
        report.append("| task completions acknowledged (200) | ").append(completions.size()).append(" |\n");
        report.append("| cases by stage at the end | ").append(stages).append(" |\n\n");
        report.append("## Loss checks\n\n");
        check(report, "every acknowledged case exists", missing);
        check(report, "every acknowledged case is DECIDED with exactly one FINAL_DETERMINATION letter", notDecided);
        check(report, "every acknowledged completion is recorded as completed, by its user", lost);
        check(report, "no task completed twice", duplicates);
        check(report, "no stuck case (an incident, or not decided without an open task, except a record set no "
                + "coordinator marked complete)", stuck);
        check(report, "no 5xx", metrics.serverErrors() == 0 ? List.of() : List.of(metrics.serverErrors() + " 5xx"));
        List<String> samples = metrics.errorSamples();
        if (!samples.isEmpty()) {
            report.append("\n## First errors\n\n");
            samples.forEach(sample -> report.append("- ").append(sample).append('\n'));
        }
        report.append("\n**").append(failures.isEmpty() ? "PASSED" : "FAILED: " + String.join("; ", failures))
                .append("**\n");
        return new Result(report.toString(), failures);
    }

    /** The candidates still stuck 10 seconds later. */
    private List<String> stuck(LoadClient checker, Set<String> candidates) throws InterruptedException {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Thread.sleep(10_000);
        List<String> stuck = new ArrayList<>();
        for (String caseNumber : new TreeSet<>(candidates)) {
            JsonNode file = checker.get("check", "/api/cases/" + caseNumber, 200).json();
            if (stuck(file, ledger)) {
                stuck.add(caseNumber + ": " + whereItStands(file));
            }
        }
        return stuck;
    }

    /**
     * Stuck: an incident, or not decided with no open task, unless it waits for the coordinators to mark its record
     * set complete (the one step of the flow that is no task) and none did.
     */
    private static boolean stuck(JsonNode file, Ledger ledger) {
        String stage = file.path("summary").path("stage").asText();
        boolean anyOpen = false;
        for (JsonNode task : file.path("tasks")) {
            anyOpen |= "OPEN".equals(task.path("status").asText());
        }
        boolean awaitingRecords = "RECORDS".equals(stage)
                && !ledger.recordsMarked(file.path("summary").path("caseNumber").asText());
        return !file.path("incidents").isEmpty() || (!"DECIDED".equals(stage) && !anyOpen && !awaitingRecords);
    }

    /** The case's stage, its record set, its last history entry and its incidents. */
    private static String whereItStands(JsonNode file) {
        JsonNode records = file.path("records");
        String recordSet = records.isMissingNode() || records.isNull() ? "no record request"
                : records.hasNonNull("completedAt") ? "records complete" : "records awaited";
        JsonNode last = null;
        for (JsonNode entry : file.path("history")) {
            if (last == null || entry.path("occurredAt").asText().compareTo(last.path("occurredAt").asText()) > 0) {
                last = entry;
            }
        }
        List<String> incidents = new ArrayList<>();
        file.path("incidents").forEach(i -> incidents.add(i.path("elementId").asText() + " (" + i.path("jobType").asText()
                + "): " + i.path("message").asText()));
        return "stage " + file.path("summary").path("stage").asText() + ", " + recordSet + ", last history "
                + (last == null ? "none" : last.path("action").asText() + " at " + last.path("occurredAt").asText())
                + ", incidents " + incidents;
    }

    private static String describeHolder(JsonNode task) {
        String holder = task.path("claimedBy").asText(task.path("assignee").asText(""));
        return holder.isEmpty() ? " (unclaimed)" : " (" + holder + ")";
    }

    private static void addIf(List<String> failures, List<String> found, String what) {
        if (!found.isEmpty()) {
            failures.add(found.size() + " " + what);
        }
    }

    private static void check(StringBuilder report, String what, List<String> found) {
        report.append("- ").append(found.isEmpty() ? "OK" : "**FAILED**").append(": ").append(what)
                .append(found.isEmpty() ? "" : " (" + found.size() + ")").append('\n');
        found.stream().limit(50).forEach(line -> report.append("  - ").append(line).append('\n'));
    }

    private static void row(StringBuilder report, String action, Metrics.Figures f) {
        report.append("| ").append(action).append(" | ").append(f.count()).append(" | ").append(f.errors())
                .append(" | ").append(f.serverErrors()).append(" | ").append(f.conflicts()).append(" | ")
                .append(f.p50()).append(" | ").append(f.p95()).append(" | ").append(f.max()).append(" |\n");
    }

    private static Duration minutes(double minutes) {
        return Duration.ofMillis((long) (minutes * 60_000));
    }

    private static String format(Duration duration) {
        return "%d:%02d".formatted(duration.toMinutes(), duration.toSecondsPart());
    }

    private static void log(String format, Object... args) {
        System.out.println("[load " + Instant.now().toString().substring(11, 19) + "] " + format.formatted(args));
    }

    /** The report and what failed. */
    private record Result(String report, List<String> failures) {}
}
