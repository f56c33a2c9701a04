package org.imrflow.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * A simulated user: a thread that signs every request with the user's own credentials, does one step of the role's
 * work, then thinks for a while (0.5 to 2 s by default), until the run ends. Each role works what its inbox shows
 * and browses otherwise.
 */
abstract class SimulatedUser implements Runnable {

    static final String ASSIGN_REVIEWER = "Task_AssignReviewer";
    static final String FIND_REVIEWER = "Task_FindReviewer";
    static final String ACCEPT_ASSIGNMENT = "Task_AcceptAssignment";
    static final String REVIEW_CASE = "Task_ReviewCase";
    static final String QUALITY_REVIEW = "Task_QualityReview";

    protected final LoadClient client;
    protected final Ledger ledger;
    protected final LoadConfig config;

    SimulatedUser(LoadClient client, Ledger ledger, LoadConfig config) {
        this.client = client;
        this.ledger = ledger;
        this.config = config;
    }

    @Override
    public void run() {
        RandomGenerator random = ThreadLocalRandom.current();
        sleep(random.nextLong(config.maxThinkMillis())); // users do not all start at the same instant
        while (ledger.running) {
            try {
                step(random);
            } catch (RuntimeException e) {
                client.failed("(harness) " + getClass().getSimpleName() + " step", e);
            }
            sleep(config.minThinkMillis() + random.nextLong(config.maxThinkMillis() - config.minThinkMillis() + 1));
        }
    }

    /** One unit of the role's work. */
    abstract void step(RandomGenerator random);

    /** The user's inbox: their own open tasks and their groups' unclaimed ones, or null when it did not answer. */
    protected JsonNode inbox() {
        LoadClient.Reply reply = client.get("GET /api/tasks (inbox)", "/api/tasks", 200);
        return reply.is(200) ? reply.json() : null;
    }

    /** A task of one of these elements: the user's own first, else a group task at random. */
    protected static Optional<JsonNode> pick(JsonNode inbox, RandomGenerator random, String... elements) {
        if (inbox == null) {
            return Optional.empty();
        }
        for (JsonNode task : inbox.path("myTasks")) {
            if (List.of(elements).contains(task.path("elementId").asText())) {
                return Optional.of(task);
            }
        }
        List<JsonNode> group = new ArrayList<>();
        for (JsonNode task : inbox.path("groupTasks")) {
            if (List.of(elements).contains(task.path("elementId").asText())) {
                group.add(task);
            }
        }
        return group.isEmpty() ? Optional.empty() : Optional.of(group.get(random.nextInt(group.size())));
    }

    /** Claims a group task; false when another user was first. A task already the user's needs no claim. */
    protected boolean claimIfNeeded(JsonNode task) {
        if (task.hasNonNull("assignee") || task.hasNonNull("claimedBy")) {
            return true;
        }
        return client.post("POST /api/tasks/{id}/claim", "/api/tasks/" + task.path("id").asLong() + "/claim", Map.of(),
                200, 409).is(200);
    }

    protected JsonNode form(JsonNode task) {
        return client.get("GET /api/tasks/{id}/form", "/api/tasks/" + task.path("id").asLong() + "/form", 200).json();
    }

    protected JsonNode caseFile(String caseNumber) {
        LoadClient.Reply reply = client.get("GET /api/cases/{n}", "/api/cases/" + caseNumber, 200);
        return reply.is(200) ? reply.json() : null;
    }

    /** Completes the task, and enters the acknowledged completion in the ledger. */
    protected boolean complete(JsonNode task, Map<String, ?> values) {
        String element = task.path("elementId").asText();
        long id = task.path("id").asLong();
        LoadClient.Reply reply = client.post("complete " + element, "/api/tasks/" + id + "/complete", values, 200);
        if (reply.is(200)) {
            ledger.completed(new Ledger.Completion(id, task.path("caseNumber").asText(), element, client.username(),
                    Instant.now()));
            return true;
        }
        return false;
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A case coordinator: enters applications (one every {@code load.intakeSeconds} on average, while intake is
     * open), marks the record set of their cases complete once the Notice of Assignment is out, assigns reviewers
     * from the group's tasks (the first candidate offered, as the lightest load comes first), ranks again when no
     * reviewer was found, and otherwise searches the case list and opens case pages.
     */
    static final class Coordinator extends SimulatedUser {

        private final Deque<Pending> awaitingRecords = new ArrayDeque<>();
        private Instant nextIntake;

        Coordinator(LoadClient client, Ledger ledger, LoadConfig config) {
            super(client, ledger, config);
            nextIntake = Instant.now().plusMillis(ThreadLocalRandom.current().nextLong(config.intakeSeconds() * 1000L));
        }

        private record Pending(String caseNumber, Instant notBefore) {}

        @Override
        void step(RandomGenerator random) {
            Pending pending = awaitingRecords.peekFirst();
            if (pending != null && pending.notBefore().isBefore(Instant.now())) {
                awaitingRecords.removeFirst();
                markRecordsComplete(pending);
                return;
            }
            JsonNode inbox = inbox();
            Optional<JsonNode> task = pick(inbox, random, ASSIGN_REVIEWER, FIND_REVIEWER);
            if (task.isPresent() && work(task.get())) {
                return;
            }
            if (ledger.intakeOpen && Instant.now().isAfter(nextIntake)) {
                intake(random);
                nextIntake = Instant.now().plusMillis(
                        (long) (config.intakeSeconds() * 1000L * (0.5 + random.nextDouble())));
                return;
            }
            browse(random);
        }

        private static Instant createdAt(JsonNode task) {
            try {
                return Instant.parse(task.path("createdAt").asText());
            } catch (RuntimeException e) {
                return Instant.EPOCH;
            }
        }

        private void markRecordsComplete(Pending pending) {
            JsonNode file = caseFile(pending.caseNumber());
            String stage = file == null ? "" : file.path("summary").path("stage").asText();
            if ("RECORDS".equals(stage)) {
                if (client.post("POST /api/cases/{n}/records/complete", "/api/cases/" + pending.caseNumber()
                        + "/records/complete", Map.of(), 200).is(200)) {
                    ledger.markedRecords(pending.caseNumber());
                } else {
                    awaitingRecords.addLast(new Pending(pending.caseNumber(), Instant.now().plusSeconds(5)));
                }
            } else if (file == null || "ELIGIBILITY".equals(stage)) {
                // the screening and the Notice of Assignment are not done yet: look again in a moment
                awaitingRecords.addLast(new Pending(pending.caseNumber(), Instant.now().plusSeconds(5)));
            }
        }

        private boolean work(JsonNode task) {
            boolean find = FIND_REVIEWER.equals(task.path("elementId").asText());
            long id = task.path("id").asLong();
            if (find && !task.hasNonNull("claimedBy") && createdAt(task).isAfter(Instant.now().minusSeconds(30))) {
                return false; // ranked a moment ago: leave the panel time to free up
            }
            if (!claimIfNeeded(task)) {
                return true;
            }
            caseFile(task.path("caseNumber").asText());
            JsonNode form = form(task);
            if (find) {
                complete(task, Map.of("searchNote", "Load test: no reviewer was free; ranking the panel again."));
                return true;
            }
            JsonNode options = form.path("values").path("reviewerOptions");
            if (options.isEmpty()) {
                client.post("POST /api/tasks/{id}/unclaim", "/api/tasks/" + id + "/unclaim", Map.of(), 200);
                return true;
            }
            complete(task, Map.of("reviewerId", options.get(0).path("value").asText()));
            return true;
        }

        private void intake(RandomGenerator random) {
            String lastName = Cases.lastName(random) + "-" + config.runId();
            LoadClient.Reply reply = client.post("POST /api/cases (intake)", "/api/cases",
                    Cases.application(random, lastName), 201);
            if (reply.is(201)) {
                String caseNumber = reply.json().path("caseNumber").asText();
                ledger.received(new Ledger.Intake(caseNumber, client.username(), lastName, Instant.now()));
                awaitingRecords.addLast(new Pending(caseNumber, Instant.now().plusSeconds(2)));
            }
        }

        private void browse(RandomGenerator random) {
            Ledger.Intake some = ledger.anyCase(random);
            int choice = random.nextInt(4);
            if (some == null || choice == 0) {
                client.get("GET / (dashboard page)", "/", 200);
            } else if (choice == 1) {
                client.get("GET /cases?q= (search page)", "/cases?q=" + encode(some.employeeLastName()), 200);
            } else if (choice == 2) {
                client.get("GET /cases/{n} (case page)", "/cases/" + some.caseNumber(), 200);
            } else {
                caseFile(some.caseNumber());
            }
        }
    }

    /**
     * A reviewer: polls their inbox; opens the case file, the task's form and a letter of the case, then accepts an
     * offered case (attesting no conflict) or submits the review of every disputed item.
     */
    static final class Reviewer extends SimulatedUser {

        Reviewer(LoadClient client, Ledger ledger, LoadConfig config) {
            super(client, ledger, config);
        }

        @Override
        void step(RandomGenerator random) {
            Optional<JsonNode> task = pick(inbox(), random, ACCEPT_ASSIGNMENT, REVIEW_CASE);
            if (task.isEmpty()) {
                return;
            }
            String caseNumber = task.get().path("caseNumber").asText();
            JsonNode file = caseFile(caseNumber);
            form(task.get());
            if (file == null) {
                return;
            }
            if (ACCEPT_ASSIGNMENT.equals(task.get().path("elementId").asText())) {
                complete(task.get(), Map.of("assignmentResponse", "ACCEPT", "noConflictAttested", true));
                return;
            }
            JsonNode letters = file.path("letters");
            if (!letters.isEmpty()) {
                client.get("GET /api/cases/{n}/letters/{id} (text)", "/api/cases/" + caseNumber + "/letters/"
                        + letters.get(0).path("id").asLong(), 200);
            }
            complete(task.get(), Cases.review(file.path("items"), random));
        }
    }

    /** A medical director: approves the quality reviews of the group, and looks at the dashboard otherwise. */
    static final class Director extends SimulatedUser {

        Director(LoadClient client, Ledger ledger, LoadConfig config) {
            super(client, ledger, config);
        }

        @Override
        void step(RandomGenerator random) {
            Optional<JsonNode> task = pick(inbox(), random, QUALITY_REVIEW);
            if (task.isEmpty()) {
                if (random.nextInt(3) == 0) {
                    client.get("GET / (dashboard page)", "/", 200);
                }
                return;
            }
            if (!claimIfNeeded(task.get())) {
                return;
            }
            caseFile(task.get().path("caseNumber").asText());
            form(task.get());
            complete(task.get(), Map.of("qaDecision", "APPROVE"));
        }
    }

    /**
     * An auditor: reads the dashboard, the case list by stage, case pages and files with their history, and now and
     * then verifies the audit log's hash chain.
     */
    static final class Auditor extends SimulatedUser {

        private static final String[] STAGES = {"RECORDS", "REVIEWER_SELECTION", "CLINICAL_REVIEW", "QUALITY_REVIEW",
                "DECIDED"};

        Auditor(LoadClient client, Ledger ledger, LoadConfig config) {
            super(client, ledger, config);
        }

        @Override
        void step(RandomGenerator random) {
            if (random.nextInt(config.auditVerifyOneIn()) == 0) {
                client.get("GET /api/admin/audit/verify", "/api/admin/audit/verify", 200);
                return;
            }
            Ledger.Intake some = ledger.anyCase(random);
            int choice = random.nextInt(4);
            if (some == null || choice == 0) {
                client.get("GET / (dashboard page)", "/", 200);
            } else if (choice == 1) {
                client.get("GET /cases?stage= (list page)", "/cases?stage=" + STAGES[random.nextInt(STAGES.length)], 200);
            } else if (choice == 2) {
                client.get("GET /cases/{n} (case page)", "/cases/" + some.caseNumber(), 200);
            } else {
                caseFile(some.caseNumber());
            }
        }
    }
}
