package org.imrflow.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.imrflow.audit.AuditChain;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A year of data (issue 10, item 1c), loaded with COPY into the real schema of an application that has migrated
 * and started once: {@code bench.yearCases} decided cases (default 200,000) received over the past year, each with
 * its parties, disputed items, eligibility screening, completed reviewer assignment, review and item decisions,
 * quality review, determination, Notice of Assignment and Final Determination Letter (small text and PDF, not
 * rendered) with the letter's deliveries, public copy, four completed user tasks, four met clocks and an ended
 * {@code case_process} row; {@code bench.yearAudit} audit entries (default five per case) chained after the
 * application's own with {@link AuditChain}; and {@code bench.openCases} open cases (default 2,000) at the stages
 * with work in the inboxes: their open user tasks, running clocks, offered or accepted assignments.
 *
 * <p>The open cases have no {@code case_process} row: the rebuild and the sweep start only the tracks that rows
 * record, so they leave these cases alone, and their tasks are read (inbox, case page) but cannot be completed. The
 * decided cases' rows are ended, so the rebuild and the sweep skip them too. Everything is deterministic (one
 * {@link SplittableRandom} per case from {@link #SEED}).
 */
final class YearOfData {

    /** Written to the marker: a data directory of another version is loaded again. */
    static final String VERSION = "1";

    private static final long SEED = 20261130L;
    private static final String[] LAST_NAMES = {"Alvarez", "Baker", "Chen", "Delgado", "Evans", "Fischer", "Garcia",
            "Huang", "Ibarra", "Jensen", "Kaur", "Lopez", "Moreno", "Nguyen", "Ortiz", "Patel", "Quinn", "Reyes",
            "Sato", "Torres", "Uribe", "Vargas", "Wong", "Xu", "Yamamoto", "Zamora", "Abbott", "Brennan", "Castillo",
            "Dunn", "Estrada", "Flores", "Gomez", "Hayes", "Iverson", "Jimenez", "Kowalski", "Larsen", "Mendoza",
            "Novak", "Olsen", "Pham", "Ramirez", "Silva", "Tran", "Underwood", "Valdez", "Walsh", "Young", "Zhang"};
    private static final String[] FIRST_NAMES = {"Ana", "Ben", "Carla", "Dev", "Elena", "Frank", "Grace", "Hector",
            "Iris", "Jose", "Kim", "Luis", "Maya", "Noel", "Olga", "Pedro", "Rosa", "Sam", "Tina", "Victor"};
    private static final String[] CATEGORIES = {"PHARMACEUTICALS", "PHYSICAL_MEDICINE", "BEHAVIORAL_HEALTH",
            "PAIN_PROGRAMS", "DIAGNOSTICS", "DMEPOS", "INJECTIONS", "SURGERY", "HOME_HEALTH", "EVALUATION_AND_MANAGEMENT"};
    private static final String[] EMPLOYERS = {"Central Valley Packing", "Bay Area Transit", "Sierra Builders",
            "Coastal Grocers", "Golden Logistics", "Pacific Health Systems"};
    private static final String[] ADMINISTRATORS = {"State Compensation Insurance Fund", "Zenith Insurance",
            "Sedgwick Claims Management", "Berkshire Hathaway Homestate"};
    private static final String LETTER_BODY = """
            The independent medical review of the disputed treatment is complete. The reviewer is licensed in \
            California and board certified in Physical Medicine and Rehabilitation. The reviewer considered the \
            medical records, the utilization review decision and the Medical Treatment Utilization Schedule.""";

    /** The kinds of audit entry each decided case has, in the order they happen. */
    private static final String[] AUDIT_KINDS = {"CASE_CREATED", "NOTICE_OF_ASSIGNMENT_SENT", "ASSIGNMENT_ACCEPTED",
            "REVIEW_SUBMITTED", "LETTER_ISSUED", "CASE_VIEWED", "TASK_COMPLETED", "CLOCK_MET"};
    private static final long[] AUDIT_AFTER_HOURS = {0, 50, 75, 480, 530, 300, 76, 531};

    private final int cases;
    private final long auditRows;
    private final int openCases;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Instant yearStart = now.minus(Duration.ofDays(400));
    private final String historyPrefix;
    private final String openPrefix;
    private final byte[] pdf;

    private long caseBase;
    private long itemBase;
    private long assignmentBase;
    private long letterBase;
    private long[] reviewerIds;
    private String[] reviewerNames;

    YearOfData(int cases, long auditRows, int openCases) {
        this.cases = cases;
        this.auditRows = auditRows;
        this.openCases = openCases;
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        this.historyPrefix = "CM%02d-".formatted((year - 1) % 100);
        this.openPrefix = "CM%02d-".formatted(year % 100);
        this.pdf = ("%PDF-1.7\n% imrflow bench letter\n1 0 obj <</Type /Catalog>> endobj\n" + "x".repeat(400)
                + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static YearOfData fromSystemProperties() {
        int cases = Integer.getInteger("bench.yearCases", 200_000);
        long audit = Long.getLong("bench.yearAudit", 5L * cases);
        return new YearOfData(cases, audit, Integer.getInteger("bench.openCases", 2_000));
    }

    /** Where the data of this size is kept between runs. */
    Path dataDir() {
        return Path.of("target", "bench-data", "year-" + cases + "-" + auditRows + "-" + openCases);
    }

    /** What the marker of a loaded directory says. */
    String marker() {
        return "generator " + VERSION + ": " + cases + " decided cases, " + auditRows + " audit entries, " + openCases
                + " open cases\n";
    }

    boolean loaded() throws java.io.IOException {
        Path marker = dataDir().resolve("bench-year.marker");
        return Files.isRegularFile(marker) && Files.readString(marker).equals(marker());
    }

    void markLoaded() throws java.io.IOException {
        Files.writeString(dataDir().resolve("bench-year.marker"), marker());
    }

    /** The owner's connection to the embedded PostgreSQL that the application started on {@link #dataDir()}. */
    Connection owner(String jdbcUrl) throws Exception {
        String password = Files.readString(dataDir().resolve("secrets").resolve("postgres.password")).strip();
        return DriverManager.getConnection(jdbcUrl, "postgres", password);
    }

    /** Loads everything; the application has migrated and is idle (nobody signed in). */
    void load(Connection connection) throws Exception {
        long started = System.nanoTime();
        connection.setAutoCommit(true);
        try (Statement sql = connection.createStatement()) {
            sql.execute("set statement_timeout = 0");
            sql.execute("set lock_timeout = 0");
            sql.execute("set synchronous_commit = off");
        }
        caseBase = max(connection, "imr_case") + 1;
        itemBase = max(connection, "disputed_item") + 1;
        assignmentBase = max(connection, "reviewer_assignment") + 1;
        letterBase = max(connection, "letter") + 1;
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("""
                select r.id, r.username from reviewer r join app_user u on u.username = r.username
                where r.active order by r.id""")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
                names.add(rows.getString(2));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("No reviewer with a user account: the demo data is missing");
        }
        reviewerIds = ids.stream().mapToLong(Long::longValue).toArray();
        reviewerNames = names.toArray(String[]::new);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();

        step("cases", () -> cases(copy));
        step("parties", () -> parties(copy));
        step("disputed items", () -> items(copy));
        step("screenings and record requests", () -> screenings(copy));
        step("assignments", () -> assignments(copy));
        step("reviews", () -> reviews(copy));
        step("determinations", () -> determinations(copy));
        step("letters", () -> letters(copy));
        step("deliveries and public copies", () -> deliveries(copy));
        step("user tasks", () -> tasks(copy));
        step("clocks", () -> clocks(copy));
        step("case_process", () -> processes(copy));
        step("audit", () -> audit(connection, copy));
        try (Statement sql = connection.createStatement()) {
            for (String table : List.of("imr_case", "disputed_item", "reviewer_assignment", "letter")) {
                sql.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from "
                        + table + "))");
            }
            sql.execute("select setval('case_number_seq', " + (openCases + 1000) + ")");
            step("analyze", () -> sql.execute("analyze"));
        }
        log("loaded in %d s", (System.nanoTime() - started) / 1_000_000_000);
    }

    // ------------------------------------------------------------------------------------------------------------
    // one case, decided or open, drawn from its own random generator

    /** Case {@code i}: 0 .. cases-1 are decided, cases .. cases+openCases-1 are open. */
    private final class Case {
        final int i;
        final boolean open;
        final long id;
        final String number;
        final SplittableRandom random;
        final Instant received;
        final String first;
        final String last;
        final int items;
        final String category;
        final int reviewer;
        final int stage; // open cases: 0 assign, 1 accept, 2 review, 3 quality review, 4 records

        Case(int i) {
            this.i = i;
            this.open = i >= cases;
            this.id = caseBase + i;
            this.number = open ? openPrefix + "%07d".formatted(i - cases + 1) : historyPrefix + "%07d".formatted(i + 1);
            this.random = new SplittableRandom(SEED * 31 + i);
            long span = Duration.ofDays(360).toSeconds();
            this.received = open
                    ? now.minus(Duration.ofHours(2 + random.nextInt(24 * 40)))
                    : yearStart.plusSeconds(span * i / Math.max(1, cases) + random.nextInt(3600 * 8));
            this.first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            this.last = LAST_NAMES[random.nextInt(LAST_NAMES.length)] + (random.nextInt(4) == 0
                    ? "-" + LAST_NAMES[random.nextInt(LAST_NAMES.length)] : "");
            this.items = 1 + random.nextInt(2);
            this.category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            this.reviewer = random.nextInt(reviewerIds.length);
            int draw = random.nextInt(10);
            this.stage = draw < 4 ? 0 : draw < 5 ? 1 : draw < 8 ? 2 : draw < 9 ? 3 : 4;
        }

        Instant at(long hours) {
            return received.plus(Duration.ofHours(hours)).plusSeconds(i % 3000);
        }

        LocalDate day(long hours) {
            return at(hours).atOffset(ZoneOffset.UTC).toLocalDate();
        }

        /** Open cases: whether it has a reviewer (offered or accepted). */
        boolean assigned() {
            return !open || stage == 1 || stage == 2 || stage == 3;
        }

        String stageName() {
            if (!open) {
                return "DECIDED";
            }
            return switch (stage) {
                case 0, 1 -> "REVIEWER_SELECTION";
                case 2 -> "CLINICAL_REVIEW";
                case 3 -> "QUALITY_REVIEW";
                default -> "RECORDS";
            };
        }

        long assignmentId() {
            return assignmentBase + i;
        }

        long letterId(int kind) { // 0 notice of assignment, 1 final determination
            return letterBase + 2L * i + kind;
        }

        long itemId(int line) {
            return itemBase + 2L * i + line;
        }

        String reviewerName() {
            return reviewerNames[reviewer];
        }

        boolean upheld(int line) {
            return ((i + line) % 3) != 0;
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private interface PerCase {
        void write(Case c) throws Exception;
    }

    private void step(String name, Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        log("%s: %d ms", name, (System.nanoTime() - started) / 1_000_000);
    }

    private void each(boolean withOpen, PerCase body) throws Exception {
        int total = cases + (withOpen ? openCases : 0);
        for (int i = 0; i < total; i++) {
            body.write(new Case(i));
        }
    }

    private void cases(CopyManager copy) throws Exception {
        try (Copy out = new Copy(copy, "imr_case", """
                id, case_number, stage, review_type, received_date, employee_first_name, employee_last_name,
                claim_number, date_of_injury, employer_name, claims_administrator_name, requesting_physician_name,
                requesting_physician_specialty, ur_decision_date, signed, ur_decision_attached,
                conditional_non_certification, assigned_at, closed_at, created_at, created_by, ur_service_method,
                imported""")) {
            each(true, c -> {
                out.add(c.id).add(c.number).add(c.stageName()).add(c.i % 50 == 0 ? "EXPEDITED" : "STANDARD")
                        .add(c.day(0)).add(c.first).add(c.last).add("CL-" + (1_000_000 + c.i))
                        .add(c.day(0).minusDays(200 + c.random.nextInt(900)))
                        .add(EMPLOYERS[c.i % EMPLOYERS.length]).add(ADMINISTRATORS[c.i % ADMINISTRATORS.length])
                        .add("Dr. " + LAST_NAMES[(c.i * 7) % LAST_NAMES.length]).add("Orthopedic Surgery")
                        .add(c.day(0).minusDays(10 + c.random.nextInt(15))).add(true).add(true).add(false)
                        .add(c.open && c.stage == 4 ? null : c.at(48)).add(c.open ? null : c.at(530))
                        .add(c.at(0)).add("coordinator").add(c.i % 3 == 0 ? "ELECTRONIC" : "MAIL").add(false);
                out.row();
            });
        }
    }

    private void parties(CopyManager copy) throws Exception {
        try (Copy out = new Copy(copy, "case_party", "case_id, role, name, street, city, state, zip")) {
            each(true, c -> {
                out.add(c.id).add("EMPLOYEE").add(null).add((100 + c.i % 9000) + " Main Street").add("Fresno")
                        .add("CA").add("937" + (10 + c.i % 90));
                out.row();
                out.add(c.id).add("CLAIMS_ADMINISTRATOR").add(null).add("P.O. Box " + (1000 + c.i % 500))
                        .add("Sacramento").add("CA").add("95812");
                out.row();
                out.add(c.id).add("REQUESTING_PHYSICIAN").add(null).add("2200 Medical Plaza").add("Los Angeles")
                        .add("CA").add("90033");
                out.row();
                if (c.i % 4 == 0) {
                    out.add(c.id).add("REPRESENTATIVE").add("Law Office of " + LAST_NAMES[c.i % LAST_NAMES.length])
                            .add("500 Capitol Mall").add("Sacramento").add("CA").add("95814");
                    out.row();
                }
            });
        }
    }

    private void items(CopyManager copy) throws Exception {
        try (Copy out = new Copy(copy, "disputed_item", """
                id, case_id, line_no, description, quantity, treatment_category, ca_guideline_citation, ca_basis""")) {
            each(true, c -> {
                for (int line = 0; line < c.items; line++) {
                    out.add(c.itemId(line)).add(c.id).add(line + 1)
                            .add(c.category.toLowerCase().replace('_', ' ') + " request " + (line + 1))
                            .add(line == 0 ? 6 : null).add(c.category).add(null).add("NO_EVIDENCE");
                    out.row();
                }
            });
        }
    }

    private void screenings(CopyManager copy) throws Exception {
        try (Copy out = new Copy(copy, "eligibility_screening", "case_id, outcome, reasons, screened_at")) {
            each(true, c -> {
                out.add(c.id).add("ELIGIBLE").add("").add(c.at(1));
                out.row();
            });
        }
        try (Copy out = new Copy(copy, "record_request", """
                case_id, notice_sent_at, notice_delivery, completed_at, completed_by""")) {
            each(true, c -> {
                boolean complete = !c.open || c.stage != 4;
                out.add(c.id).add(c.at(48)).add("MAIL").add(complete ? c.at(240) : null)
                        .add(complete ? "coordinator" : null);
                out.row();
            });
        }
    }

    private void assignments(CopyManager copy) throws Exception {
        try (Copy out = new Copy(copy, "reviewer_assignment", """
                id, case_id, reviewer_id, status, offered_at, offered_by, responded_at, attestation, closed_at""")) {
            each(true, c -> {
                if (!c.assigned()) {
                    return;
                }
                String status = !c.open ? "COMPLETED" : c.stage == 1 ? "OFFERED" : "ACCEPTED";
                boolean responded = !"OFFERED".equals(status);
                out.add(c.assignmentId()).add(c.id).add(reviewerIds[c.reviewer]).add(status).add(c.at(72))
                        .add("coordinator").add(responded ? c.at(75) : null)
                        .add(responded ? "I have no conflict of interest with any party to this case." : null)
                        .add(c.open ? null : c.at(530));
                out.row();
            });
        }
    }

    private void reviews(CopyManager copy) throws Exception {
        try (Copy out = new Copy(copy, "clinical_review", """
                case_id, clinical_case_summary, submitted_at, submitted_by, rounds, assignment_id""")) {
            each(true, c -> {
                if (c.open && c.stage != 3) {
                    return;
                }
                out.add(c.id).add("The worker injured the low back at work. Treatment to date: physical therapy, "
                                + "medications and imaging. Utilization review denied the request in dispute.")
                        .add(c.at(480)).add(c.reviewerName()).add(1).add(c.assignmentId());
                out.row();
            });
        }
        try (Copy out = new Copy(copy, "item_decision", """
                disputed_item_id, case_id, decision, guideline_basis, mtus_citation, decision_rationale, decided_at,
                decided_by, assignment_id""")) {
            each(true, c -> {
                if (c.open && c.stage != 3) {
                    return;
                }
                for (int line = 0; line < c.items; line++) {
                    out.add(c.itemId(line)).add(c.id).add(c.upheld(line) ? "UPHELD" : "OVERTURNED").add("MTUS")
                            .add("Chronic Pain Medical Treatment Guidelines, page 23")
                            .add(c.upheld(line) ? "The records show no functional improvement with the earlier "
                                    + "treatment; the request is not medically necessary."
                                    : "The records document functional improvement; the request is medically necessary.")
                            .add(c.at(480)).add(c.reviewerName()).add(c.assignmentId());
                    out.row();
                }
            });
        }
        try (Copy out = new Copy(copy, "quality_review", "case_id, outcome, comments, reviewed_by, reviewed_at")) {
            each(false, c -> {
                out.add(c.id).add("APPROVED").add("").add("director").add(c.at(500));
                out.row();
            });
        }
    }

    private void determinations(CopyManager copy) throws Exception {
        try (Copy out = new Copy(copy, "determination", "case_id, upheld_items, overturned_items, issued_at")) {
            each(false, c -> {
                int upheld = 0;
                for (int line = 0; line < c.items; line++) {
                    upheld += c.upheld(line) ? 1 : 0;
                }
                out.add(c.id).add(upheld).add(c.items - upheld).add(c.at(528));
                out.row();
            });
        }
    }

    private void letters(CopyManager copy) throws Exception {
        String pdfSha = sha256(pdf);
        try (Copy out = new Copy(copy, "letter", """
                id, case_id, kind, title, text_content, pdf_content, sha256, text_sha256, issued_at, template_version,
                imported""")) {
            each(true, c -> {
                if (c.open && c.stage == 4) {
                    return;
                }
                String notice = "Notice of Assignment and Request for Information\nCase " + c.number
                        + "\nThe application for independent medical review was assigned to Golden State Medical "
                        + "Review. Send the medical records within 15 days.";
                out.add(c.letterId(0)).add(c.id).add("NOTICE_OF_ASSIGNMENT").add("Notice of Assignment")
                        .add(notice).add(pdf).add(pdfSha).add(sha256(notice.getBytes(StandardCharsets.UTF_8)))
                        .add(c.at(48)).add("2016").add(false);
                out.row();
                if (!c.open) {
                    String text = "Final Determination Letter\nCase " + c.number + "\n" + LETTER_BODY
                            + "\nDetermination: " + (c.upheld(0) ? "upheld" : "overturned") + ".";
                    out.add(c.letterId(1)).add(c.id).add("FINAL_DETERMINATION").add("Final Determination Letter")
                            .add(text).add(pdf).add(pdfSha).add(sha256(text.getBytes(StandardCharsets.UTF_8)))
                            .add(c.at(529)).add("2016").add(false);
                    out.row();
                }
            });
        }
    }

    private void deliveries(CopyManager copy) throws Exception {
        try (Copy out = new Copy(copy, "letter_delivery", """
                letter_id, case_id, recipient_role, recipient_name, recipient_address, method, sent_at, received_on""")) {
            each(false, c -> {
                for (String role : List.of("EMPLOYEE", "CLAIMS_ADMINISTRATOR", "REQUESTING_PHYSICIAN")) {
                    out.add(c.letterId(1)).add(c.id).add(role)
                            .add(role.equals("EMPLOYEE") ? c.first + " " + c.last : role.equals("CLAIMS_ADMINISTRATOR")
                                    ? ADMINISTRATORS[c.i % ADMINISTRATORS.length] : "Dr. " + LAST_NAMES[(c.i * 7) % LAST_NAMES.length])
                            .add("Sacramento, CA").add("MAIL").add(c.at(529)).add(c.day(600));
                    out.row();
                }
            });
        }
        try (Copy out = new Copy(copy, "public_decision", """
                case_id, case_number, prepared_at, released_at, released_by, decision_date, date_of_injury,
                received_date, specialty, outcome, categories""")) {
            each(false, c -> {
                boolean released = c.i % 2 == 0;
                out.add(c.id).add(c.number).add(c.at(529)).add(released ? c.at(600) : null)
                        .add(released ? "coordinator" : null).add(c.day(528)).add(c.day(0).minusDays(400))
                        .add(c.day(0)).add("Physical Medicine and Rehabilitation")
                        .add(c.upheld(0) ? "UPHELD" : "OVERTURNED").add(c.category);
                out.row();
            });
        }
    }

    private void tasks(CopyManager copy) throws Exception {
        try (Copy out = new Copy(copy, "user_task", """
                case_id, case_number, track, element_id, name, form_key, assignee, candidate_groups, claimed_by,
                status, job_key, engine_lifetime, variables, result, created_at, completed_at, completed_by""")) {
            each(true, c -> {
                String vars = "{\"caseNumber\":\"" + c.number + "\",\"reviewerUsername\":\"" + c.reviewerName() + "\"}";
                int steps = c.open ? switch (c.stage) {
                    case 0 -> 1;
                    case 1 -> 2;
                    case 2 -> 3;
                    case 3 -> 4;
                    default -> 0;
                } : 4;
                for (int s = 0; s < steps; s++) {
                    boolean done = !c.open || s < steps - 1;
                    String[] task = switch (s) {
                        case 0 -> new String[] {"Task_AssignReviewer", "Assign reviewer", "assign-reviewer", null,
                                "coordinators", "coordinator"};
                        case 1 -> new String[] {"Task_AcceptAssignment", "Accept assignment", "accept-assignment",
                                c.reviewerName(), "", null};
                        case 2 -> new String[] {"Task_ReviewCase", "Review case", "review-case", c.reviewerName(), "",
                                null};
                        default -> new String[] {"Task_QualityReview", "Quality review", "quality-review", null,
                                "medical-directors", "director"};
                    };
                    long createdHours = new long[] {60, 72, 76, 481}[s];
                    String worker = task[3] != null ? task[3] : task[5];
                    out.add(c.id).add(c.number).add("case").add(task[0]).add(task[1]).add(task[2]).add(task[3])
                            .add(task[4]).add(done ? task[5] : null).add(done ? "COMPLETED" : "OPEN")
                            .add(9_000_000_000L + 10L * c.i + s).add(done ? "bench-history" : "bench-open").add(vars)
                            .add(done ? "{}" : null).add(c.at(createdHours))
                            .add(done ? c.at(createdHours + 2) : null).add(done ? worker : null);
                    out.row();
                }
            });
        }
    }

    private void clocks(CopyManager copy) throws Exception {
        try (Copy out = new Copy(copy, "case_clock", """
                case_id, case_number, kind, rule, trigger_event, triggered_at, unit, amount, due_at, reminder_at,
                status, met_at""")) {
            each(true, c -> {
                clock(out, c, "FILING", "30 calendar days after the UR decision was served (LC 4610.5(h)(1))",
                        "UR decision served", -200, "CALENDAR_DAYS", 30, 200, 0);
                clock(out, c, "NOTICE_OF_ASSIGNMENT", "3 business days after the application (8 CCR 9792.10.5)",
                        "application received", 0, "BUSINESS_DAYS", 3, 72, c.open && c.stage == 4 ? -1 : 48);
                clock(out, c, "RECORDS", "15 days after the Notice of Assignment (8 CCR 9792.10.5(a)(1))",
                        "Notice of Assignment sent", 48, "CALENDAR_DAYS", 15, 48 + 15 * 24,
                        c.open && c.stage == 4 ? -1 : 240);
                if (!(c.open && c.stage == 4)) {
                    long met = c.open ? -1 : 528;
                    // open cases: some overdue, most due within the next month
                    long due = c.open ? (now.getEpochSecond() - c.received.getEpochSecond()) / 3600
                            + (c.i % 7 == 0 ? -24 : 24 + (c.i % 30) * 24) : 240 + 30 * 24;
                    clock(out, c, "DETERMINATION_FROM_RECORDS", "30 days after the records (LC 4610.6(d))",
                            "medical records received", 240, "CALENDAR_DAYS", 30, due, met);
                }
            });
        }
    }

    private void clock(Copy out, Case c, String kind, String rule, String trigger, long triggeredHours, String unit,
                       int amount, long dueHours, long metHours) throws SQLException {
        boolean met = metHours >= 0;
        out.add(c.id).add(c.number).add(kind).add(rule).add(trigger).add(c.at(triggeredHours)).add(unit).add(amount)
                .add(c.at(dueHours)).add(met ? null : c.at(dueHours - 48)).add(met ? "MET" : "RUNNING")
                .add(met ? c.at(metHours) : null);
        out.row();
    }

    private void processes(CopyManager copy) throws Exception {
        try (Copy out = new Copy(copy, "case_process", """
                case_id, case_number, track, process_id, element_id, element_state, result, variables, ended_at,
                updated_at""")) {
            each(false, c -> {
                out.add(c.id).add(c.number).add("case").add("imr-case").add("Task_IssueDetermination").add("DONE")
                        .add("{}").add("{\"caseNumber\":\"" + c.number + "\"}").add(c.at(530)).add(c.at(530));
                out.row();
            });
        }
    }

    /**
     * The audit entries, in the order they happened across cases, chained after the application's last entry
     * while its head is locked, so that the chain verifies as the application's own.
     */
    private void audit(Connection connection, CopyManager copy) throws Exception {
        if (cases == 0 || auditRows == 0) {
            return;
        }
        // (seconds since the year's start) << 28 | case << 4 | kind, sorted: the entries in time order
        long[] events = new long[(int) auditRows];
        int perCase = (int) Math.max(1, (auditRows + cases - 1) / cases);
        int n = 0;
        for (int i = 0; i < cases && n < events.length; i++) {
            Case c = new Case(i);
            for (int k = 0; k < perCase && n < events.length; k++) {
                int kind = k % AUDIT_KINDS.length;
                long seconds = c.at(AUDIT_AFTER_HOURS[kind] + k / AUDIT_KINDS.length).getEpochSecond()
                        - yearStart.getEpochSecond();
                events[n++] = (seconds << 28) | ((long) i << 4) | kind;
            }
        }
        Arrays.sort(events, 0, n);
        connection.setAutoCommit(false);
        try {
            long seq;
            String previous;
            try (Statement sql = connection.createStatement();
                 ResultSet head = sql.executeQuery("select seq, hash from audit_chain_head where id = 1 for update")) {
                head.next();
                seq = head.getLong(1);
                previous = head.getString(2);
            }
            try (Copy out = new Copy(copy, "audit_event", """
                    occurred_at, actor, action, case_number, detail, remote_addr, seq, prev_hash, hash""")) {
                for (int e = 0; e < n; e++) {
                    long event = events[e];
                    int kind = (int) (event & 0xF);
                    int i = (int) ((event >>> 4) & 0xFFFFFF);
                    Instant at = yearStart.plusSeconds(event >>> 28).plus(e % 1000, ChronoUnit.MICROS);
                    String number = historyPrefix + "%07d".formatted(i + 1);
                    String action = AUDIT_KINDS[kind];
                    String actor = switch (action) {
                        case "ASSIGNMENT_ACCEPTED", "REVIEW_SUBMITTED" -> reviewerNames[new Case(i).reviewer];
                        case "LETTER_ISSUED", "CLOCK_MET", "NOTICE_OF_ASSIGNMENT_SENT" -> "system";
                        default -> "coordinator";
                    };
                    String detail = switch (action) {
                        case "LETTER_ISSUED" -> "Final Determination Letter";
                        case "TASK_COMPLETED" -> "Accept assignment";
                        case "CLOCK_MET" -> "DETERMINATION_FROM_RECORDS";
                        default -> "";
                    };
                    String address = "system".equals(actor) ? null : "10.0." + (i % 200) + "." + (1 + i % 250);
                    seq++;
                    String hash = AuditChain.hash(new AuditChain.Content(seq, at, actor, action, number, detail,
                            address, previous));
                    out.add(at).add(actor).add(action).add(number).add(detail).add(address).add(seq).add(previous)
                            .add(hash);
                    out.row();
                    previous = hash;
                }
            }
            try (var update = connection.prepareStatement("update audit_chain_head set seq = ?, hash = ? where id = 1")) {
                update.setLong(1, seq);
                update.setString(2, previous);
                update.executeUpdate();
            }
            connection.commit();
        } catch (Exception e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static long max(Connection connection, String table) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select coalesce(max(id), 0) from " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[year-of-data] " + format + "%n", args);
    }
}
