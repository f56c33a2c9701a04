package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.beans.PropertyDescriptor;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application (its request mappings, enumerated, so a new one is covered without a change
 * here) by every role, with hostile input: NUL and control characters in path variables, query parameters, form
 * fields, JSON strings and file names; list indexes and page numbers out of range or not numbers; JSON values of the
 * wrong type, implausible dates, oversized strings, unknown fields; random bytes as the body. Nothing may answer 5xx,
 * and a batch of requests that were all refused (4xx) must not have written a row to any application table. Each
 * role signs in twice, as a script (an API token, HTTP Basic) and as a browser (a session), on one cookie store.
 */
class HostileInputIT extends ApplicationIT {

    private static final String[] ROLES = {"coordinator", "reviewer", "director", "auditor", "admin"};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NUL = "nul\u0000here";
    private static final String CONTROL = "ctl\u0001\u001b[31m";
    private static final String LINE_BREAK = "two\r\nlines";
    private static final String OVERSIZED = "x".repeat(120_000);
    private static final List<String> BAD_IDS = List.of("-1", "0", "2147483647", "2147483648",
            "99999999999999999999", "abc", "1.5", "CM26-9999999", "%00", "%01", "x%00y", "%E2%80%AE", "x".repeat(3000));
    private static final List<String> BAD_TEXT = List.of(NUL, CONTROL, "\u007f", "\uFFFF", LINE_BREAK,
            OVERSIZED, "", " ");
    private static final List<String> BAD_NUMBERS = List.of("2147483647", "2147483648", "-1", "-2147483648", "abc",
            "1e99999", "0x10", NUL);

    /** Tables no request writes: Flyway's history, and the scheduled jobs' locks (a job's first run adds its row). */
    private static final Set<String> NOT_COUNTED = Set.of("flyway_schema_history", "scheduled_lock");
    /**
     * Audit entries a refused request leaves by design: views of the case file, and an API token's refusals; and the
     * report of sign-ins by unknown names, which the application writes on a schedule of its own.
     */
    private static final String NOT_COUNTED_ACTIONS = "('CASE_VIEWED', 'DOCUMENT_VIEWED', 'LETTER_VIEWED', "
            + "'REVIEWER_SEARCH', 'API_TOKEN_REFUSED', 'LOGIN_FAILED_UNKNOWN_USER')";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    private final Random random = new Random(20261130);
    private final Map<String, Integer> statusClasses = new TreeMap<>();
    private final Map<String, Integer> kinds = new TreeMap<>();
    private final List<String> serverErrors = new ArrayList<>();
    private final Set<String> accepted = new java.util.TreeSet<>();
    private final AtomicInteger sent = new AtomicInteger();
    private int checkedBatches;
    private int mixedBatches;
    // the rows counted after the last batch, if it was refused entirely: the next batch starts from them
    private Map<String, Long> counted;
    /** Nanoseconds spent waiting for accepted work to stop writing, and the refused batches sent again. */
    private long waited;
    private int recounted;
    /** Nanoseconds spent counting rows. */
    private long counting;
    private String countRows;
    private static ExecutorService pool;

    /** Who sends a request: HTTP Basic for the API, a signed-in session with its CSRF token for pages. */
    private record Caller(String username, HttpClient http, String csrf, String apiToken) {}

    /** One request to send. */
    private record Probe(String method, String path, String contentType, byte[] body, String label) {

        /** What the probe varies, the first word of its label: path, query, random, body, json, form, index, file. */
        String kind() {
            return label.split(" ")[0];
        }
    }

    /** A probe and who sends it. */
    private record Sent(Caller caller, Probe probe) {}

    @Test
    void noInputAnswers5xxAndRefusedInputWritesNothing() throws Exception {
        pool = Executors.newFixedThreadPool(8);
        Ids ids = prepare();
        // a password check costs what bcrypt's cost factor says, on every API request (HTTP Basic): the callers'
        // hashes at the lowest cost keep the test about input, not about hashing (the encoder reads the cost from
        // the hash; these are the test database's demo users)
        for (String role : ROLES) {
            jdbc.sql("update app_user set password_hash = :hash where username = :user")
                    .param("hash", "{bcrypt}" + new BCryptPasswordEncoder(4).encode("demo")).param("user", role)
                    .update();
        }
        Map<String, Caller> callers = new LinkedHashMap<>();
        for (String role : ROLES) {
            callers.put(role, signIn(role));
        }
        // each field's mutations (JSON, form fields and indexes, file names) go to every role that writes (intake and
        // actions, reviews, administration); the rest (bad path variables, query parameters, bodies) is parsed alike
        // whoever sends it, before any authorization check: its probes go to every role in turn
        List<Caller> writers = List.of(callers.get("coordinator"), callers.get("reviewer"), callers.get("admin"));
        List<Caller> everyone = List.copyOf(callers.values());
        Map<String, List<Element>> forms = crawlForms(callers.get("coordinator"), ids);
        forms.putAll(crawlForms(callers.get("admin"), ids));
        JsonNode openApi = JSON.readTree(send(callers.get("admin"), new Probe("GET", "/v3/api-docs", null, null, ""))
                .body());

        long started = System.nanoTime();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : patterns(mapping.getKey())) {
                for (String method : methods(mapping.getKey())) {
                    List<List<Probe>> groups = probes(method, pattern, mapping.getValue(), ids, forms, openApi);
                    for (List<Probe> group : groups) {
                        boolean fieldMutations = Set.of("json", "form", "index", "file")
                                .contains(group.getFirst().kind());
                        runBatch(fieldMutations ? eachBy(writers, group) : inTurn(everyone, group));
                    }
                }
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf("HostileInputIT: %d requests in %d s, by status class %s; %d batches refused entirely and "
                + "checked for written rows, %d batches with an accepted request%n", sent.get(), seconds,
                statusClasses, checkedBatches, mixedBatches);
        System.out.printf("HostileInputIT: %d s of it waiting for accepted work to stop writing, %d s counting rows; "
                + "%d refused batches sent again after rows changed%n", Duration.ofNanos(waited).toSeconds(),
                Duration.ofNanos(counting).toSeconds(), recounted);
        System.out.printf("HostileInputIT: API writes accepted: %s%n", accepted);
        System.out.printf("HostileInputIT: requests by kind: %s%n", kinds);
        assertThat(serverErrors).as("responses with status >= 500").isEmpty();
        assertThat(sent.get()).isGreaterThanOrEqualTo(10_000);
        // and every caller's token still worked at the end: none was cut off part way
        for (Caller caller : callers.values()) {
            assertThat(send(caller, new Probe("GET", "/api/tasks", null, null, "still signed in")).statusCode())
                    .as(caller.username() + "'s token at the end").isEqualTo(200);
        }
    }

    /**
     * A case whose data holds a control character stored before the policy, and whose step failed: a coordinator
     * sees the correction form beside the incident, is refused a value that breaks the policy, corrects the data
     * (audited, the fields named) and retries the step.
     */
    @Test
    void aCoordinatorCorrectsTheDataOfACaseWhoseStepFailedAndRetriesIt() throws Exception {
        String caseNumber = as("coordinator").receive(Applications.seed001());
        long caseId = jdbc.sql("select id from imr_case where case_number = :n").param("n", caseNumber)
                .query(Long.class).single();
        jdbc.sql("update imr_case set employer_name = 'Shine\u0001 Auto' where id = :id").param("id", caseId).update();
        long incidentId = jdbc.sql("""
                insert into case_incident (case_id, element_id, job_type, message, process_instance_key,
                                           element_instance_key, engine_lifetime)
                values (:case, 'Task_IssueDetermination', 'issue-determination', 'An invalid XML character', 1, 1,
                        'an earlier engine') returning id""").param("case", caseId).query(Long.class).single();
        long itemId = jdbc.sql("select min(id) from disputed_item where case_id = :id").param("id", caseId)
                .query(Long.class).single();
        Caller coordinator = signIn("coordinator");

        Document page = Jsoup.parse(send(coordinator, new Probe("GET", "/cases/" + caseNumber, null, null, "")).body());
        assertThat(page.select("#correction [name=employerName]").val()).startsWith("Shine").endsWith("Auto");
        assertThat(page.select("#correction [name='itemDescriptions[" + itemId + "]']")).hasSize(1);

        HttpResponse<String> refused = send(coordinator, form("POST", "/cases/" + caseNumber + "/correction",
                Map.of("employerName", "Shine\u0000 Auto", "itemDescriptions[" + itemId + "]", "ok\r\nstill ok"), ""));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).select("#employerName-error").text())
                .isEqualTo(InputPolicy.CONTROL_CHARACTER);
        assertThat(jdbc.sql("select employer_name from imr_case where id = :id").param("id", caseId)
                .query(String.class).single()).isEqualTo("Shine\u0001 Auto");

        HttpResponse<String> corrected = send(coordinator, form("POST", "/cases/" + caseNumber + "/correction",
                Map.of("employerName", "Shine Auto", "streets[EMPLOYER]", "56 Harbor Way",
                        "itemDescriptions[" + itemId + "]", Applications.PSYCHOLOGY + "\r\n(corrected)"), ""));
        assertThat(corrected.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select employer_name from imr_case where id = :id").param("id", caseId)
                .query(String.class).single()).isEqualTo("Shine Auto");
        assertThat(jdbc.sql("select street from case_party where case_id = :id and role = 'EMPLOYER'")
                .param("id", caseId).query(String.class).single()).isEqualTo("56 Harbor Way");
        assertThat(jdbc.sql("select detail from audit_event where case_number = :n and action = 'CASE_DATA_CORRECTED'")
                .param("n", caseNumber).query(String.class).single())
                .isEqualTo("corrected employerName, address of Employer, description of item 1");

        HttpResponse<String> retried = send(coordinator, form("POST",
                "/cases/" + caseNumber + "/incidents/" + incidentId + "/retry", Map.of(), ""));
        assertThat(retried.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select resolved_by from case_incident where id = :id").param("id", incidentId)
                .query(String.class).single()).isEqualTo("coordinator");
        // without a failed step there is nothing to correct
        assertThat(send(coordinator, form("POST", "/cases/" + caseNumber + "/correction",
                Map.of("employerName", "Other"), "")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select employer_name from imr_case where id = :id").param("id", caseId)
                .query(String.class).single()).isEqualTo("Shine Auto");
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- the real ids path variables are filled with

    private record Ids(String caseNumber, long taskId, long documentId, long reviewerId, long letterId,
                       long deliveryId, String username, long tokenId, String date, List<String> taskFields) {}

    private Ids prepare() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        JsonNode task = coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        long taskId = task.get("id").asLong();
        ImrClient.Response added = coordinator.post("/api/cases/" + caseNumber + "/documents", Map.of(
                "fileName", "records.txt", "contentType", "text/plain",
                "contentBase64", Base64.getEncoder().encodeToString("Medical records".getBytes(StandardCharsets.UTF_8)),
                "source", "CLAIMS_ADMINISTRATOR", "receivedDate", Applications.today().toString()));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        long documentId = added.json().get("id").asLong();
        long reviewerId = as("admin").get("/api/admin/reviewers").json().get(0).get("id").asLong();
        JsonNode deliveries = coordinator.get("/api/cases/" + caseNumber + "/deliveries").json();
        long letterId = deliveries.isArray() && !deliveries.isEmpty() ? deliveries.get(0).path("letterId").asLong(1) : 1;
        long deliveryId = deliveries.isArray() && !deliveries.isEmpty() ? deliveries.get(0).path("id").asLong(1) : 1;
        ImrClient admin = as("admin");
        String closure = Applications.today().plusYears(1).withDayOfMonth(10).toString();
        admin.post("/api/admin/closures", Map.of("date", closure, "name", "Hostile input closure"));
        List<String> taskFields = new ArrayList<>();
        for (JsonNode component : coordinator.get("/api/tasks/" + taskId + "/form").json().path("form")
                .path("components")) {
            if (component.hasNonNull("key")) {
                taskFields.add(component.get("key").asText());
            }
        }
        if (taskFields.isEmpty()) {
            taskFields.add("reviewerId");
        }
        // reviewer25 is a demo user that no caller signs in as: a request that changes it, or revokes its token,
        // harms nobody here (a caller revoking its own token would lose its coverage, and lock the address for all)
        ImrClient.Response spare = withPassword("reviewer25").post("/api/tokens", Map.of("name", "hostile input"));
        assertThat(spare.status()).as(spare.body()).isEqualTo(201);
        return new Ids(caseNumber, taskId, documentId, reviewerId, letterId, deliveryId, "reviewer25",
                spare.json().get("id").asLong(), closure, taskFields);
    }

    private String real(String variable, String pattern, Ids ids) {
        return switch (variable) {
            case "caseNumber" -> ids.caseNumber();
            case "documentId" -> String.valueOf(ids.documentId());
            case "letterId" -> String.valueOf(ids.letterId());
            case "deliveryId" -> String.valueOf(ids.deliveryId());
            case "incidentId" -> "1";
            case "username" -> ids.username();
            case "date" -> ids.date();
            case "id" -> String.valueOf(pattern.contains("reviewers") ? ids.reviewerId()
                    : pattern.contains("tokens") ? ids.tokenId() : ids.taskId());
            default -> "1";
        };
    }

    // ---------------------------------------------------------------- the probes of one endpoint

    private List<List<Probe>> probes(String method, String pattern, HandlerMethod handler, Ids ids,
                                     Map<String, List<Element>> forms, JsonNode openApi) {
        List<String> variables = new ArrayList<>();
        Matcher variable = Pattern.compile("\\{([a-zA-Z]+)(?::[^}]*)?}").matcher(pattern);
        while (variable.find()) {
            variables.add(variable.group(1));
        }
        Function<Map<String, String>, String> path = values -> {
            Matcher m = Pattern.compile("\\{([a-zA-Z]+)(?::[^}]*)?}").matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1),
                        encode(real(m.group(1), pattern, ids)))));
            }
            m.appendTail(out);
            return out.toString();
        };
        String realPath = path.apply(Map.of());
        List<List<Probe>> groups = new ArrayList<>();

        // path variables: each bad in turn
        for (String name : variables) {
            List<Probe> group = new ArrayList<>();
            for (String bad : BAD_IDS) {
                group.add(new Probe(method, path.apply(Map.of(name, bad)), null, null, "path " + name));
            }
            groups.add(group);
        }

        // query parameters: the handler's own, and those bound to its form or filter objects with paging beside
        // them; a name the handler does not take is ignored, which the one probe of a bad name below shows
        Set<String> parameters = new LinkedHashSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation != null) {
                String name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
                if (name != null) {
                    parameters.add(name);
                }
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
                parameters.addAll(List.of("page", "size", "q"));
                for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(parameter.getParameterType())) {
                    if (!property.getName().equals("class")) {
                        parameters.add(property.getName());
                    }
                }
                if (parameter.getParameterType().isRecord()) {
                    for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                        parameters.add(component.getName());
                    }
                }
            }
        }
        List<Probe> query = new ArrayList<>();
        for (String name : parameters) {
            for (String bad : name.equals("page") || name.equals("size") ? BAD_NUMBERS : BAD_TEXT) {
                if (bad.length() < 10_000) {
                    query.add(new Probe(method, realPath + "?" + encode(name) + "=" + encode(bad), null, null,
                            "query " + name));
                }
            }
        }
        query.add(new Probe(method, realPath + "?" + encode(NUL) + "=1", null, null, "query name"));
        groups.add(query);

        if (!method.equals("GET")) {
            groups.add(randomBodies(method, realPath));
            if (realPath.startsWith("/api/")) {
                groups.addAll(jsonBodies(method, pattern, realPath, ids, openApi));
            } else {
                groups.addAll(formBodies(method, realPath, forms));
            }
        }
        return groups;
    }

    private List<Probe> randomBodies(String method, String path) {
        List<Probe> group = new ArrayList<>();
        for (String type : List.of("application/json", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=hostile", "multipart/form-data", "application/octet-stream")) {
            for (int size : new int[] {0, 300, 5000}) {
                byte[] bytes = new byte[size];
                random.nextBytes(bytes);
                group.add(new Probe(method, path, type, bytes, "random bytes as " + type));
            }
        }
        return group;
    }

    // ---------------------------------------------------------------- JSON bodies from the OpenAPI document

    private List<List<Probe>> jsonBodies(String method, String pattern, String path, Ids ids, JsonNode openApi) {
        JsonNode template = template(method, pattern, ids, openApi);
        List<List<Probe>> groups = new ArrayList<>();
        List<Probe> whole = new ArrayList<>();
        for (String body : List.of("null", "[]", "{}", "\"text\"", "42", "true", "{\"a\":", "[1,2,3]",
                "{\"unknownField\": 1}", "{\"x\": \"" + "\\u0000" + "\"}")) {
            whole.add(json(method, path, body, "body " + body));
        }
        if (template instanceof ObjectNode object) {
            ObjectNode unknown = object.deepCopy();
            unknown.put("unknownField", "x");
            whole.add(json(method, path, unknown.toString(), "unknown field"));
        }
        groups.add(whole);
        List<String> leaves = new ArrayList<>();
        leaves(template, "", leaves);
        for (String leaf : leaves) {
            List<Probe> group = new ArrayList<>();
            JsonNode original = at(template, leaf);
            List<JsonNode> replacements = new ArrayList<>(List.of(NODES.textNode(NUL), NODES.textNode(CONTROL),
                    NODES.numberNode(0), NODES.numberNode(1.5), NODES.booleanNode(true), NODES.arrayNode().add("x"),
                    NODES.objectNode().put("x", "y"), NODES.numberNode(Long.MAX_VALUE)));
            if (original != null && original.isTextual()) {
                replacements.add(NODES.textNode(OVERSIZED));
                replacements.add(NODES.textNode("\uD800 lone surrogate"));
            }
            if (original != null && (original.isNumber() || original.isBoolean())) {
                replacements.add(NODES.textNode("1"));
                replacements.add(NODES.textNode("true"));
            }
            if (original != null && original.isTextual() && original.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                for (String date : List.of("-999999999-01-01", "0000-01-01", "1899-12-31", "+999999999-12-31",
                        "2026-02-30", "9999-12-31", "20200101")) {
                    replacements.add(NODES.textNode(date));
                }
            }
            for (JsonNode replacement : replacements) {
                JsonNode body = replaced(template, leaf, replacement);
                // a lone surrogate cannot be encoded as UTF-8: it is sent as JSON's escape
                group.add(json(method, path, body.toString().replace("\uD800", "\\ud800"), "json " + leaf));
            }
            groups.add(group);
        }
        return groups;
    }

    private static Probe json(String method, String path, String body, String label) {
        return new Probe(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), label);
    }

    /** A body to mutate: a real application for intake, the task's fields for completion, else from the schema. */
    private JsonNode template(String method, String pattern, Ids ids, JsonNode openApi) {
        if (pattern.equals("/api/cases") && method.equals("POST")) {
            return JSON.valueToTree(Applications.seed001());
        }
        if (pattern.endsWith("/complete") && pattern.startsWith("/api/tasks")) {
            ObjectNode values = NODES.objectNode();
            ids.taskFields().forEach(field -> values.put(field, "x"));
            return values;
        }
        String openApiPath = pattern.replaceAll("\\{([a-zA-Z]+):[^}]*}", "{$1}");
        JsonNode operation = openApi.path("paths").path(openApiPath).path(method.toLowerCase());
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? NODES.objectNode() : example(schema, openApi, 0);
    }

    private static JsonNode example(JsonNode schema, JsonNode openApi, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return depth > 4 ? NODES.nullNode() : example(openApi.path("components").path("schemas").path(name),
                    openApi, depth + 1);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText("object");
        return switch (type) {
            case "string" -> NODES.textNode("date".equals(schema.path("format").asText())
                    ? Applications.today().minusDays(1).toString() : "x");
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(example(schema.path("items"), openApi, depth + 1));
            default -> {
                ObjectNode object = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    object.set(property.getKey(), example(property.getValue(), openApi, depth + 1));
                }
                yield object;
            }
        };
    }

    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> leaves(object.get(name), path + "/" + name, out));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                leaves(array.get(i), path + "/" + i, out);
            }
        } else {
            out.add(path);
        }
    }

    private static JsonNode at(JsonNode node, String pointer) {
        JsonNode found = node.at(pointer);
        return found.isMissingNode() ? null : found;
    }

    private static JsonNode replaced(JsonNode template, String pointer, JsonNode value) {
        JsonNode copy = template.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash <= 0 ? copy : copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            return value;
        }
        return copy;
    }

    // ---------------------------------------------------------------- web forms, as the pages render them

    /** The forms of the pages a coordinator or administrator sees, by the path they post to. */
    private Map<String, List<Element>> crawlForms(Caller caller, Ids ids) {
        Map<String, List<Element>> forms = new LinkedHashMap<>();
        for (String page : List.of("/", "/cases", "/cases/new", "/cases/" + ids.caseNumber(), "/tasks",
                "/tasks/" + ids.taskId(), "/admin/users", "/admin/users/new", "/admin/users/" + ids.username() + "/edit",
                "/admin/reviewers", "/admin/reviewers/new", "/admin/reviewers/" + ids.reviewerId(), "/admin/calendar",
                "/decisions")) {
            HttpResponse<String> response = send(caller, new Probe("GET", page, null, null, "crawl"));
            if (response.statusCode() == 200) {
                Document document = Jsoup.parse(response.body());
                for (Element form : document.select("form[method=post]")) {
                    forms.computeIfAbsent(form.attr("action").replaceAll("[?#].*", ""), k -> new ArrayList<>())
                            .add(form);
                }
            }
        }
        return forms;
    }

    private List<List<Probe>> formBodies(String method, String path, Map<String, List<Element>> forms) {
        List<Element> found = forms.getOrDefault(path, List.of());
        Set<String> names = new LinkedHashSet<>();
        boolean multipart = false;
        for (Element form : found) {
            multipart |= form.attr("enctype").startsWith("multipart");
            for (Element input : form.select("input[name], textarea[name], select[name]")) {
                if (!input.attr("name").equals("_csrf")) {
                    names.add(input.attr("name"));
                }
            }
        }
        names.add("unknownField");
        List<List<Probe>> groups = new ArrayList<>();
        // a bad index, once for each list or map of the form: the binder grows (or refuses) the collection whatever
        // field of its elements is named after the index
        Map<String, String> collections = new LinkedHashMap<>();
        for (String name : names) {
            if (name.matches(".*\\[\\d+].*")) {
                collections.putIfAbsent(name.replaceFirst("\\[\\d+].*", ""), name);
            }
        }
        List<Probe> indexes = new ArrayList<>();
        for (String index : List.of("256", "-1", "abc", "2147483647", "99999999999", "1]", "")) {
            indexes.add(form(method, path, Map.of("disputedItems[" + index + "].description", "x"), "index " + index));
            indexes.add(form(method, path, Map.of("documents[" + index + "]", "x"), "index " + index));
            for (String name : collections.values()) {
                indexes.add(form(method, path, Map.of(name.replaceFirst("\\[\\d+]", "[" + index + "]"), "x"),
                        "index " + name));
            }
        }
        groups.add(indexes);
        for (String name : names) {
            List<Probe> group = new ArrayList<>();
            for (String bad : List.of(NUL, CONTROL, "\u007f", LINE_BREAK, "-999999999-01-01", "0000-01-01",
                    "2147483648", "-1", OVERSIZED)) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String other : names) {
                    values.put(other, other.equals(name) ? bad : "");
                }
                group.add(form(method, path, values, "form " + name));
            }
            groups.add(group);
        }
        if (multipart || path.equals("/cases/new")) {
            List<Probe> files = new ArrayList<>();
            for (String fileName : List.of("rec\u0000ords.pdf", "rec\u0001.txt", "line\r\nbreak.txt", "", "x".repeat(400))) {
                for (String field : List.of("documents", "file")) {
                    files.add(multipartFile(method, path, field, fileName));
                }
            }
            groups.add(files);
        }
        return groups;
    }

    private static Probe form(String method, String path, Map<String, String> values, String label) {
        StringBuilder body = new StringBuilder();
        values.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return new Probe(method, path, "application/x-www-form-urlencoded",
                body.toString().getBytes(StandardCharsets.UTF_8), label);
    }

    private static Probe multipartFile(String method, String path, String field, String fileName) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String boundary = "hostileBoundary";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/plain\r\n\r\nsome text\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"employeeFirstName\"\r\n\r\nDale\u0000\r\n--" + boundary + "--\r\n";
        body.writeBytes(part.getBytes(StandardCharsets.UTF_8));
        return new Probe(method, path, "multipart/form-data; boundary=" + boundary, body.toByteArray(),
                "file name");
    }

    // ---------------------------------------------------------------- sending, and counting rows

    /** Each probe sent by each caller. */
    private static List<Sent> eachBy(List<Caller> callers, List<Probe> probes) {
        List<Sent> batch = new ArrayList<>();
        for (Caller caller : callers) {
            probes.forEach(probe -> batch.add(new Sent(caller, probe)));
        }
        return batch;
    }

    /** The probes sent by the callers in turn, so that each caller sends some; a group too small for that, by each. */
    private static List<Sent> inTurn(List<Caller> callers, List<Probe> probes) {
        if (probes.size() < callers.size()) {
            return eachBy(callers, probes);
        }
        List<Sent> batch = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            batch.add(new Sent(callers.get(i % callers.size()), probes.get(i)));
        }
        return batch;
    }

    /** The batch sent at once; then, if all were refused, the rows counted again. */
    private void runBatch(List<Sent> batch) throws Exception {
        Map<String, Long> before = counted != null ? counted : rowCounts();
        boolean allRefused = sendAll(batch);
        if (!allRefused) {
            // most accepted requests are done when answered; work one started (a case received) would show as rows
            // changing under the next refused batch, which then waits for it and is sent again
            mixedBatches++;
            counted = null;
            return;
        }
        checkedBatches++;
        Map<String, Long> after = rowCounts();
        if (!after.equals(before)) {
            // work that an earlier, accepted request started may still be writing: wait for it, then once more
            recounted++;
            before = settled();
            sendAll(batch);
            after = rowCounts();
        }
        Probe first = batch.getFirst().probe();
        assertThat(after).as("rows after a batch of refused requests (%s, e.g. %s %s)", first.label(), first.method(),
                abbreviate(first.path())).isEqualTo(before);
        counted = after;
    }

    /**
     * The rows once the work that accepted requests started (a case's process: screening, clocks, the Notice of
     * Assignment) has stopped writing: counted until two counts half a second apart agree, for 60 seconds at most.
     */
    private Map<String, Long> settled() throws InterruptedException {
        long started = System.nanoTime();
        try {
            Map<String, Long> previous = rowCounts();
            for (int i = 0; i < 120; i++) {
                Thread.sleep(500);
                Map<String, Long> now = rowCounts();
                if (now.equals(previous)) {
                    return now;
                }
                previous = now;
            }
            return previous;
        } finally {
            waited += System.nanoTime() - started;
        }
    }

    /**
     * Sends the batch, several requests at a time; true if every one was refused: a 4xx, or a page's form shown
     * again with its errors (200 to a POST of a page, where an accepted form redirects).
     */
    private boolean sendAll(List<Sent> batch) throws Exception {
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (Sent sent : batch) {
            calls.add(() -> {
                HttpResponse<String> response = send(sent.caller(), sent.probe());
                int status = response.statusCode();
                record(sent.caller(), sent.probe(), status, response.body());
                boolean formShownAgain = status == 200 && sent.probe().method().equals("POST")
                        && !sent.probe().path().startsWith("/api/");
                return status >= 400 && status < 500 || formShownAgain;
            });
        }
        boolean allRefused = true;
        for (Future<Boolean> refused : pool.invokeAll(calls)) {
            allRefused &= refused.get();
        }
        return allRefused;
    }

    private synchronized void record(Caller caller, Probe probe, int status, String body) {
        statusClasses.merge(status / 100 + "xx", 1, Integer::sum);
        kinds.merge(probe.kind() + " as " + caller.username(), 1, Integer::sum);
        if (status < 300 && !probe.method().equals("GET") && probe.path().startsWith("/api/")) {
            accepted.add(probe.method() + " " + abbreviate(probe.path()) + " (" + probe.label() + ")");
        }
        if (status >= 500 && serverErrors.size() < 50) {
            serverErrors.add(status + " for " + probe.method() + " " + abbreviate(probe.path()) + " as "
                    + caller.username() + " (" + probe.label() + "): " + abbreviate(body));
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 300 ? text : text.substring(0, 300) + "...";
    }

    /**
     * The rows of every application table but those no request writes ({@link #NOT_COUNTED}). Audit entries are
     * counted, but for the views: a form refused is the page shown again with its errors, and showing a case (or a
     * document, a letter, the reviewer search) is audited, as it must be. The sign-ins of the callers happen before
     * the first batch.
     */
    private Map<String, Long> rowCounts() {
        if (countRows == null) {
            countRows = countRowsQuery();
        }
        long started = System.nanoTime();
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql(countRows).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        counting += System.nanoTime() - started;
        return counts;
    }

    private String countRowsQuery() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list().stream().filter(t -> !NOT_COUNTED.contains(t)).toList();
        // audit entries by kind, so that a row written shows what it was
        return String.join(" union all ", tables.stream()
                .map(t -> t.equals("audit_event")
                        ? "select 'audit_event ' || action, count(*) from audit_event where action not in "
                                + NOT_COUNTED_ACTIONS + " group by action"
                        : "select '" + t + "', count(*) from \"" + t + "\"").toList());
    }

    private HttpResponse<String> send(Caller caller, Probe probe) {
        if (sent.incrementAndGet() % 2000 == 0) {
            System.out.printf("HostileInputIT: %d requests sent%n", sent.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.path()))
                .timeout(Duration.ofSeconds(60))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        if (probe.path().startsWith("/api/") && caller.apiToken() != null) {
            request.header("Authorization", "Bearer " + caller.apiToken()); // one bcrypt check per user, not per probe
        } else if (probe.path().startsWith("/api/") || probe.path().startsWith("/v3/")) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (caller.username() + ":demo").getBytes(StandardCharsets.UTF_8)));
        } else if (caller.csrf() != null) {
            request.header("X-CSRF-TOKEN", caller.csrf());
        }
        try {
            return caller.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(probe.method() + " " + abbreviate(probe.path()) + " failed", e);
        }
    }

    /** A browser session of the role: signed in through the login form, with the session's CSRF token. */
    private Caller signIn(String username) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        Caller anonymous = new Caller(username, http, null, null);
        String token = csrf(send(anonymous, new Probe("GET", "/login", null, null, "login")).body());
        HttpResponse<String> login = send(anonymous, form("POST", "/login", Map.of("username", username,
                "password", "demo", "_csrf", token), "login"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return new Caller(username, http, csrf(send(anonymous, new Probe("GET", "/login", null, null, "login")).body()),
                apiToken(username));
    }

    private static String csrf(String page) {
        return Jsoup.parse(page).select("input[name=_csrf]").attr("value");
    }

    private static List<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null
                ? info.getPathPatternsCondition().getPatternValues().stream().toList()
                : info.getPatternValues().stream().toList();
    }

    private static List<String> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? List.of("GET", "POST") : methods.stream().map(Enum::name).sorted().toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
