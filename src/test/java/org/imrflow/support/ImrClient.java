package org.imrflow.support;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The JSON API (and the pages) as one user sees it: with HTTP Basic, with a personal API token ({@link #withToken}),
 * or with a token on the API and the password on pages ({@link #withApiToken}). Never throws on 4xx/5xx: tests
 * assert the status.
 */
public final class ImrClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A request that failed on the way (a connection reset) is sent once more, as the client does by default; an
     * answer is never sent again, not even a 503 with {@code Retry-After}: tests assert what the application answered.
     */
    private static final DefaultHttpRequestRetryStrategy NO_STATUS_RETRIES =
            new DefaultHttpRequestRetryStrategy(1, TimeValue.ofSeconds(1)) {
                @Override
                public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
                    return false;
                }
            };

    private final RestClient http;
    private final String baseUrl;
    private final String username;
    private final String password;

    public ImrClient(String baseUrl, String username, String password) {
        this(baseUrl, username, password, null, false);
    }

    private ImrClient(String baseUrl, String username, String password, String token, boolean tokenOnPages) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
        this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(new HttpComponentsClientHttpRequestFactory(
                        HttpClients.custom().setRetryStrategy(NO_STATUS_RETRIES).build()))
                .requestInterceptor((request, body, execution) -> {
                    if (token != null && (tokenOnPages || request.getURI().getPath().startsWith("/api/"))) {
                        request.getHeaders().setBearerAuth(token);
                    } else if (username != null && password != null) {
                        request.getHeaders().setBasicAuth(username, password);
                    }
                    return execution.execute(request, body);
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    /** This user's client that signs in with the API token ({@code Authorization: Bearer}) only, pages included. */
    public ImrClient withToken(String token) {
        return new ImrClient(baseUrl, username, null, token, true);
    }

    /**
     * This user's client that signs in with the API token on {@code /api/**} and with the password on pages, as a
     * script would: the API then costs no password check per request.
     */
    public ImrClient withApiToken(String token) {
        return new ImrClient(baseUrl, username, password, token, false);
    }

    public Response delete(String path) {
        return wrap(http.delete().uri(path).retrieve().toEntity(String.class));
    }

    public Response get(String path) {
        return wrap(http.get().uri(path).retrieve().toEntity(String.class));
    }

    /** A GET with query parameters, each encoded as it must be (a value may hold '#', '&' or spaces). */
    public Response get(String path, Map<String, ?> query) {
        return wrap(http.get().uri(uri -> {
            uri.path(path);
            query.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
            return uri.build(query);
        }).retrieve().toEntity(String.class));
    }

    public Response post(String path, Object body) {
        return wrap(http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .body(body instanceof String s ? s : write(body)).retrieve().toEntity(String.class));
    }

    public Response put(String path, Object body) {
        return wrap(http.put().uri(path).contentType(MediaType.APPLICATION_JSON)
                .body(body instanceof String s ? s : write(body)).retrieve().toEntity(String.class));
    }

    /** A multipart form: each value a String field, or a {@link FilePart}. */
    public Response postMultipart(String path, Map<String, ?> parts) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        parts.forEach((name, value) -> {
            if (value instanceof FilePart file) {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.parseMediaType(file.contentType()));
                headers.setContentDispositionFormData(name, file.fileName());
                body.add(name, new HttpEntity<>(file.content(), headers));
            } else {
                body.add(name, value);
            }
        });
        return wrap(http.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(body)
                .retrieve().toEntity(String.class));
    }

    /** A file of a multipart form. */
    public record FilePart(String fileName, String contentType, byte[] content) {}

    public byte[] bytes(String path) {
        return http.get().uri(path).retrieve().body(byte[].class);
    }

    /** Someone who has not signed in: the public. */
    public static ImrClient anonymous(String baseUrl) {
        return new ImrClient(baseUrl, null, (String) null);
    }

    /** The coordinator offers the case to the reviewer whose name contains {@code reviewerName}. */
    public void assignReviewer(String caseNumber, String reviewerName) {
        JsonNode task = awaitTask(caseNumber, "Task_AssignReviewer");
        JsonNode options = get("/api/tasks/" + task.get("id").asText() + "/form").json()
                .path("values").path("reviewerOptions");
        String reviewerId = null;
        for (JsonNode option : options) {
            if (option.get("label").asText().contains(reviewerName)) {
                reviewerId = option.get("value").asText();
            }
        }
        if (reviewerId == null) {
            fail("No reviewer " + reviewerName + " among " + options);
        }
        workOk(caseNumber, "Task_AssignReviewer", Map.of("reviewerId", reviewerId));
    }

    /**
     * Receives an application whose panel of {@code reviewers} the Administrative Director approved, then marks its
     * record set complete; returns its case number.
     */
    public String receiveForPanel(Object application, int reviewers) {
        String caseNumber = receive(application);
        Response approved = post("/api/cases/" + caseNumber + "/panel-approval", Map.of("reviewers", reviewers,
                "approvedOn", Applications.today().toString(), "reference", "AD approval of " + Applications.today()));
        if (approved.status() != 201) {
            fail("The panel approval answered " + approved.status() + ": " + approved.body());
        }
        awaitStage(caseNumber, "RECORDS");
        post("/api/cases/" + caseNumber + "/records/complete", Map.of());
        return caseNumber;
    }

    /** The coordinator assigns the panel's seats to the reviewers whose names contain these, in this order. */
    public void assignPanel(String caseNumber, String... reviewerNames) {
        JsonNode task = awaitTask(caseNumber, "Task_AssignPanel");
        JsonNode options = get("/api/tasks/" + task.get("id").asText() + "/form").json()
                .path("values").path("reviewerOptions");
        Map<String, String> seats = new HashMap<>();
        for (int i = 0; i < reviewerNames.length; i++) {
            for (JsonNode option : options) {
                if (option.get("label").asText().contains(reviewerNames[i])) {
                    seats.put("reviewer" + (i + 1) + "Id", option.get("value").asText());
                }
            }
        }
        workOk(caseNumber, "Task_AssignPanel", seats);
    }

    /** The reviewer accepts the case offered, attesting no conflict of interest. */
    public void acceptAssignment(String caseNumber) {
        workOk(caseNumber, "Task_AcceptAssignment", Map.of("assignmentResponse", "ACCEPT", "noConflictAttested", true));
    }

    /** The id of the case's disputed item with this description. */
    public long itemId(String caseNumber, String description) {
        for (JsonNode item : get("/api/cases/" + caseNumber).json().path("items")) {
            if (item.get("description").asText().equals(description)) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError("No item " + description + " in case " + caseNumber);
    }

    /** Receives an application and returns its case number. */
    public String receive(Object application) {
        Response response = post("/api/cases", application);
        if (response.status() != 201) {
            fail("Intake answered " + response.status() + ": " + response.body());
        }
        return response.json().get("caseNumber").asText();
    }

    /**
     * Receives an application and marks its record set complete once the Notice of Assignment is out, so that the
     * case goes on to reviewer selection; returns its case number.
     */
    public String receiveForReview(Object application) {
        String caseNumber = receive(application);
        awaitStage(caseNumber, "RECORDS");
        Response complete = post("/api/cases/" + caseNumber + "/records/complete", Map.of());
        if (complete.status() != 200) {
            fail("Marking the records complete answered " + complete.status() + ": " + complete.body());
        }
        return caseNumber;
    }

    /** Waits until the user sees an open task of the case at this element, in their own or their groups' tasks. */
    public JsonNode awaitTask(String caseNumber, String elementId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonNode> task = openTask(caseNumber, elementId);
            if (task.isPresent()) {
                return task.get();
            }
            pause();
        }
        return fail(username + " never saw task " + elementId + " of case " + caseNumber + "; case: "
                + get("/api/cases/" + caseNumber).body());
    }

    public Optional<JsonNode> openTask(String caseNumber, String elementId) {
        return openTasks(caseNumber, elementId).stream().findFirst();
    }

    /** The open tasks of the case at this element the user sees, their own first, then their groups'. */
    public List<JsonNode> openTasks(String caseNumber, String elementId) {
        JsonNode tasks = get("/api/tasks").json();
        List<JsonNode> found = new ArrayList<>();
        for (String list : new String[] {"myTasks", "groupTasks"}) {
            for (JsonNode task : tasks.path(list)) {
                if (task.get("caseNumber").asText().equals(caseNumber) && task.get("elementId").asText().equals(elementId)) {
                    found.add(task);
                }
            }
        }
        return found;
    }

    /** Waits until the user sees at least this many open tasks of the case at this element. */
    public List<JsonNode> awaitTasks(String caseNumber, String elementId, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<JsonNode> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = openTasks(caseNumber, elementId);
            if (found.size() >= count) {
                return found;
            }
            pause();
        }
        return fail(username + " saw " + found.size() + " of " + count + " tasks " + elementId + " of case "
                + caseNumber);
    }

    /** Claims the task if it is a group task, then completes it; returns the completion's response. */
    public Response work(String caseNumber, String elementId, Map<String, ?> values) {
        JsonNode task = awaitTask(caseNumber, elementId);
        long id = task.get("id").asLong();
        if (!task.hasNonNull("assignee") && !task.hasNonNull("claimedBy")) {
            Response claimed = post("/api/tasks/" + id + "/claim", Map.of());
            if (claimed.status() != 200) {
                fail("Claim answered " + claimed.status() + ": " + claimed.body());
            }
        }
        return post("/api/tasks/" + id + "/complete", values);
    }

    public Response workOk(String caseNumber, String elementId, Map<String, ?> values) {
        Response response = work(caseNumber, elementId, values);
        if (response.status() != 200) {
            fail(elementId + " completion answered " + response.status() + ": " + response.body());
        }
        return response;
    }

    /** Waits until the case reaches the stage. */
    public JsonNode awaitStage(String caseNumber, String stage) {
        return awaitStage(caseNumber, stage, Duration.ofSeconds(20));
    }

    /** Waits until the case has an open incident (a step that failed its retries) and returns the first. */
    public JsonNode awaitIncident(String caseNumber) {
        for (int i = 0; i < 200; i++) {
            JsonNode incidents = get("/api/cases/" + caseNumber).json().path("incidents");
            if (!incidents.isEmpty()) {
                return incidents.get(0);
            }
            pause();
        }
        throw new AssertionError("No incident was raised for case " + caseNumber);
    }

    /** Waits this long at most until the case is at the stage. */
    public JsonNode awaitStage(String caseNumber, String stage, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode file = null;
        while (Instant.now().isBefore(deadline)) {
            file = get("/api/cases/" + caseNumber).json();
            if (stage.equals(file.path("summary").path("stage").asText())) {
                return file;
            }
            pause();
        }
        return fail("Case " + caseNumber + " never reached " + stage + ": " + file);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Response wrap(ResponseEntity<String> entity) {
        return new Response(entity.getStatusCode().value(), entity.getBody(),
                entity.getHeaders().getLocation() == null ? null : entity.getHeaders().getLocation().toString());
    }

    /** A response's status and body, and its Location header if it has one. */
    public record Response(int status, String body, String location) {
        public JsonNode json() {
            try {
                return JSON.readTree(body == null ? "null" : body);
            } catch (Exception e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }
}
