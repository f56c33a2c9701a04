package org.imrflow.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One simulated user's HTTP client: HTTP Basic with the user's own credentials, and a cookie jar of its own so that
 * web pages keep their session as a browser's would (the API is stateless); once {@link #useApiToken} gave it a
 * personal API token, its API requests carry that ({@code Authorization: Bearer}) instead of the password, so that
 * they no longer pay a password check each. Every request is
 * timed under an action's name into {@link Metrics}; a status outside those expected counts as an error there.
 * Never throws: a failed exchange is a {@link Reply} with status -1.
 */
public final class LoadClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String username;
    private final String authorization;
    private final Metrics metrics;
    private volatile String apiAuthorization;

    public LoadClient(String baseUrl, String username, String password, Metrics metrics) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String username() {
        return username;
    }

    /** From now on the API requests carry this token instead of the password; pages keep HTTP Basic and a session. */
    public void useApiToken(String token) {
        this.apiAuthorization = "Bearer " + token;
    }

    /** A GET timed as {@code action}; {@code expected} are the statuses that are no error (409 counts as a conflict). */
    public Reply get(String action, String path, int... expected) {
        return send(action, request(path).GET().build(), expected);
    }

    public Reply post(String action, String path, Object body, int... expected) {
        return send(action, request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build(), expected);
    }

    public Reply put(String action, String path, Object body, int... expected) {
        return send(action, request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))).build(), expected);
    }

    /** A failure of the harness itself (a bug or an answer it could not read), counted as an error of the action. */
    public void failed(String action, Exception e) {
        metrics.record(action, 0, -1, new int[0], username, e.toString());
    }

    private HttpRequest.Builder request(String path) {
        boolean api = path.startsWith("/api/");
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", api && apiAuthorization != null ? apiAuthorization : authorization)
                .header("Accept", api ? "application/json, text/plain, */*" : "text/html, */*");
    }

    private Reply send(String action, HttpRequest request, int[] expected) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            Reply reply = new Reply(response.statusCode(), response.body());
            metrics.record(action, millis, reply.status(), expected, username + " " + request.method() + " "
                    + request.uri().getPath(), reply.body());
            return reply;
        } catch (IOException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            metrics.record(action, millis, -1, expected, username + " " + request.method() + " "
                    + request.uri().getPath(), e.toString());
            return new Reply(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, e.toString());
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A response's status and body. */
    public record Reply(int status, String body) {

        public boolean is(int expected) {
            return status == expected;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body == null || body.isEmpty() ? "null" : body);
            } catch (IOException e) {
                return JSON.nullNode();
            }
        }
    }
}
