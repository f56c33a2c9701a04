package org.imrflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Browser;
import org.imrflow.support.ImrClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal API tokens: issued with a password to a user for some of their roles and shown once, stored only as a
 * hash, used as {@code Authorization: Bearer}, listed without the secret, revoked by their user or an administrator;
 * refused alike (one 401 problem body) when malformed, unknown, revoked, expired, issued before a password reset, or
 * their user is deactivated; a role the token lacks is a 403; a token cannot issue another; bad fields are 400s
 * naming them; every issue, revocation and refusal is audited without the secret, and refusals count against the
 * address like failed passwords. All tests share one application: each works on users of its own, and the refusals
 * come from addresses of their own (X-Forwarded-For) so that the sign-in throttle of one test leaves the others alone.
 */
class ApiTokenIT extends ApplicationIT {

    private static final String PASSWORD = "a long enough secret";
    private static final String REFUSED = "The API token is not valid. Sign in with a valid token or with HTTP Basic.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private final HttpClient raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aTokenIsIssuedOnceUsedListedWithoutItsSecretAndRevoked() throws Exception {
        Instant since = Instant.now();
        ImrClient casey = user("tok.casey", "COORDINATOR");
        ImrClient.Response issued = casey.post("/api/tokens", Map.of("name", " nightly export ", "days", 10));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode body = issued.json();
        long id = body.get("id").asLong();
        String secret = body.get("token").asText();
        assertThat(secret).matches("imr_[A-Za-z0-9_-]{43}");
        assertThat(body.get("name").asText()).isEqualTo("nightly export");
        assertThat(body.get("roles").toString()).isEqualTo("[\"COORDINATOR\"]");
        Instant createdAt = Instant.parse(body.get("createdAt").asText());
        Instant expiresAt = Instant.parse(body.get("expiresAt").asText());
        assertThat(Duration.between(createdAt, expiresAt)).isEqualTo(Duration.ofDays(10));
        assertThat(issued.location()).endsWith("/api/tokens/" + id);

        byte[] stored = jdbc.sql("select token_hash from api_token where id = :id").param("id", id).query(byte[].class).single();
        assertThat(stored).as("only the SHA-256 of the secret is stored")
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));

        ImrClient token = casey.withToken(secret);
        assertThat(token.get("/api/tasks").status()).isEqualTo(200);
        assertThat(jdbc.sql("select last_used_at is not null from api_token where id = :id").param("id", id)
                .query(Boolean.class).single()).as("its use is recorded").isTrue();

        ImrClient.Response listed = casey.get("/api/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(secret).doesNotContain("\"token\"").doesNotContain("hash");
        JsonNode first = listed.json().get(0);
        assertThat(first.get("id").asLong()).isEqualTo(id);
        assertThat(first.get("name").asText()).isEqualTo("nightly export");
        assertThat(first.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(first.hasNonNull("lastUsedAt")).isTrue();
        assertThat(token.get("/api/tokens/" + id).json().get("name").asText()).as("also with the token itself")
                .isEqualTo("nightly export");
        assertThat(as("coordinator").get("/api/tokens").body()).as("another user's list").doesNotContain("nightly export");

        assertThat(as("coordinator").delete("/api/tokens/" + id).status()).as("someone else's token").isEqualTo(404);
        assertThat(token.get("/api/tasks").status()).isEqualTo(200);
        assertThat(casey.delete("/api/tokens/" + id).status()).isEqualTo(204);
        assertThat(casey.delete("/api/tokens/" + id).status()).as("revoked already: nothing changes").isEqualTo(204);
        HttpResponse<String> refused = send("/api/tasks", "Bearer " + secret, "198.51.100.1");
        assertRefused(refused);
        JsonNode revoked = casey.get("/api/tokens").json().get(0);
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokedBy").asText()).isEqualTo("tok.casey");

        assertThat(audit("tok.casey", since)).containsExactly(
                "API_TOKEN_ISSUED token " + id + " \"nightly export\": roles COORDINATOR, 10 days, until " + expiresAt,
                "API_TOKEN_REVOKED token " + id + " \"nightly export\" of tok.casey",
                "API_TOKEN_REFUSED revoked: token " + id + ", from 198.51.100.1");
        assertNoSecretAudited(secret);
    }

    @Test
    void aTokenActsWithItsRolesThatItsUserStillHas() throws Exception {
        Instant since = Instant.now();
        ImrClient kim = user("tok.kim", "COORDINATOR", "ADMIN");
        ImrClient coordinatorOnly = kim.withToken(issue(kim, Map.of("name", "coordination", "roles", List.of("COORDINATOR"))));
        assertThat(coordinatorOnly.get("/api/tasks").status()).isEqualTo(200);
        ImrClient.Response forbidden = coordinatorOnly.get("/api/admin/users");
        assertThat(forbidden.status()).as("the token lacks ADMIN, which its user has").isEqualTo(403);
        assertThat(forbidden.json().get("status").asInt()).isEqualTo(403);
        assertThat(forbidden.json().has("detail")).isTrue();
        assertThat(kim.get("/api/admin/users").status()).as("the password has all the user's roles").isEqualTo(200);
        assertThat(audit("tok.kim", since)).anyMatch(entry -> entry.startsWith("API_TOKEN_REFUSED forbidden: token ")
                && entry.endsWith("with the roles COORDINATOR may not GET /api/admin/users"));

        ImrClient everything = kim.withToken(issue(kim, Map.of("name", "all my roles")));
        assertThat(everything.get("/api/admin/users").status()).isEqualTo(200);
        assertThat(as("admin").put("/api/admin/users/tok.kim",
                Map.of("fullName", "Kim", "roles", List.of("COORDINATOR"), "active", true)).status()).isEqualTo(200);
        assertThat(everything.get("/api/admin/users").status()).as("the user lost ADMIN: so did the token").isEqualTo(403);
        assertThat(everything.get("/api/tasks").status()).isEqualTo(200);
    }

    @Test
    void expiredDeactivatedAndPasswordResetTokensAreRefusedAlike() throws Exception {
        Instant since = Instant.now();
        ImrClient lee = user("tok.lee", "REVIEWER");
        String expiring = issue(lee, Map.of("name", "expiring", "days", 1));
        String kept = issue(lee, Map.of("name", "kept"));
        assertThat(send("/api/tasks", "Bearer " + expiring, "198.51.100.2").statusCode()).isEqualTo(200);
        superuser().jdbc().sql("update api_token set expires_at = now() - interval '1 minute' where name = 'expiring'").update();
        assertRefused(send("/api/tasks", "Bearer " + expiring, "198.51.100.2"));
        assertThat(lee.get("/api/tokens").json().findValuesAsText("status")).containsExactly("ACTIVE", "EXPIRED");

        assertThat(send("/api/tasks", "Bearer " + kept, "198.51.100.2").statusCode()).isEqualTo(200);
        ImrClient admin = as("admin");
        assertThat(admin.put("/api/admin/users/tok.lee", Map.of("fullName", "Lee", "roles", List.of("REVIEWER"),
                "active", false)).status()).isEqualTo(200);
        assertRefused(send("/api/tasks", "Bearer " + kept, "198.51.100.2"));
        assertThat(admin.put("/api/admin/users/tok.lee", Map.of("fullName", "Lee", "roles", List.of("REVIEWER"),
                "active", true)).status()).isEqualTo(200);
        assertThat(send("/api/tasks", "Bearer " + kept, "198.51.100.2").statusCode()).as("active again").isEqualTo(200);

        assertThat(admin.post("/api/admin/users/tok.lee/password", Map.of("password", PASSWORD + " anew")).status())
                .isEqualTo(204);
        assertRefused(send("/api/tasks", "Bearer " + kept, "198.51.100.2"));
        assertThat(new ImrClient("http://localhost:" + port, "tok.lee", PASSWORD + " anew").get("/api/tokens").json()
                .findValuesAsText("status")).containsExactly("PASSWORD_SET_SINCE", "EXPIRED");

        assertThat(audit("tok.lee", since)).filteredOn(entry -> entry.startsWith("API_TOKEN_REFUSED")).containsExactly(
                "API_TOKEN_REFUSED expired: token " + id("expiring") + ", from 198.51.100.2",
                "API_TOKEN_REFUSED user deactivated: token " + id("kept") + ", from 198.51.100.2",
                "API_TOKEN_REFUSED issued before the user's password was last set: token " + id("kept")
                        + ", from 198.51.100.2");
        assertNoSecretAudited(expiring);
        assertNoSecretAudited(kept);
    }

    @Test
    void malformedAndUnknownTokensAreRefusedAlikeAndAudited() throws Exception {
        Instant since = Instant.now();
        String unknown = "imr_" + "A".repeat(43);
        for (String header : List.of("Bearer " + unknown, "Bearer not-a-token", "Bearer ", "bearer imr_short",
                "Bearer " + unknown + "x", "Bearer " + "imr_" + "x".repeat(5000))) {
            assertRefused(send("/api/tasks", header, "198.51.100.3"));
        }
        List<String> refusals = jdbc.sql("""
                        select actor || ' ' || detail from audit_event
                         where action = 'API_TOKEN_REFUSED' and occurred_at >= :since and detail like '%198.51.100.3'
                         order by seq""")
                .param("since", Timestamp.from(since)).query(String.class).list();
        assertThat(refusals).containsExactly("anonymous unknown token, from 198.51.100.3",
                "anonymous malformed token, from 198.51.100.3", "anonymous malformed token, from 198.51.100.3",
                "anonymous malformed token, from 198.51.100.3", "anonymous malformed token, from 198.51.100.3",
                "anonymous malformed token, from 198.51.100.3");
        assertNoSecretAudited(unknown);
        // a token is for the API: a page does not take it
        ImrClient noah = user("tok.noah", "COORDINATOR");
        HttpResponse<String> page = send("/", "Bearer " + issue(noah, Map.of("name", "pages?")), "198.51.100.3");
        assertThat(page.statusCode()).isIn(302, 401);
    }

    @Test
    void refusedTokensCountAgainstTheAddressLikeWrongPasswords() throws Exception {
        ImrClient max = user("tok.max", "AUDITOR");
        String good = issue(max, Map.of("name", "good"));
        for (int i = 0; i < 30; i++) { // imr.security.login.address-failures
            assertRefused(send("/api/tasks", "Bearer imr_" + "%043d".formatted(i), "203.0.113.90"));
        }
        assertRefused(send("/api/tasks", "Bearer " + good, "203.0.113.90"));
        assertThat(send("/api/tasks", "Bearer " + good, "203.0.113.91").statusCode()).as("from elsewhere").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LOGIN_ADDRESS_LOCKED' and detail like '%203.0.113.90%'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'API_TOKEN_REFUSED' and detail like '%203.0.113.90'")
                .query(Integer.class).single()).as("refused while locked: not looked at, the lock was audited").isEqualTo(30);
    }

    @Test
    void aTokenCannotIssueAnother() throws Exception {
        ImrClient ray = user("tok.ray", "COORDINATOR");
        ImrClient token = ray.withToken(issue(ray, Map.of("name", "first")));
        ImrClient.Response refused = token.post("/api/tokens", Map.of("name", "second"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("A token cannot issue tokens");
        assertThat(jdbc.sql("select count(*) from api_token where username = 'tok.ray'").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'API_TOKEN_REFUSED' and actor = 'tok.ray'"
                + " and detail like '%may not POST /api/tokens'").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void badFieldsAreNamed() {
        ImrClient sam = user("tok.sam", "COORDINATOR");
        assertField(sam.post("/api/tokens", Map.of("name", "x", "days", 0)), "days");
        assertField(sam.post("/api/tokens", Map.of("name", "x", "days", 366)), "days");
        assertField(sam.post("/api/tokens", "{\"name\": \"x\", \"days\": \"soon\"}"), "days");
        assertField(sam.post("/api/tokens", Map.of("name", "x", "roles", List.of("ADMIN"))), "roles");
        assertField(sam.post("/api/tokens", Map.of("name", "x", "roles", List.of())), "roles");
        assertField(sam.post("/api/tokens", Map.of("name", "x", "roles", List.of("KING"))), "roles[0]");
        assertField(sam.post("/api/tokens", Map.of("name", "  ")), "name");
        assertField(sam.post("/api/tokens", Map.of("days", 3)), "name");
        assertField(sam.post("/api/tokens", Map.of("name", "n".repeat(101))), "name");
        assertField(sam.post("/api/tokens", "{\"name\": \"x\", \"secret\": \"mine\"}"), "secret");
        assertThat(sam.post("/api/tokens", Map.of("name", "x", "days", 365)).status()).isEqualTo(201);
        assertThat(sam.delete("/api/tokens/abc").status()).isEqualTo(400);
        assertThat(sam.delete("/api/tokens/999999").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from api_token where username = 'tok.sam'").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void administratorsSeeAndRevokeEveryonesTokens() throws Exception {
        Instant since = Instant.now();
        ImrClient pat = user("tok.pat", "MEDICAL_DIRECTOR");
        String secret = issue(pat, Map.of("name", "pat's script"));
        long id = id("pat's script");
        ImrClient admin = as("admin");
        ImrClient.Response listed = admin.get("/api/admin/users/tok.pat/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("name")).containsExactly("pat's script");
        assertThat(listed.body()).doesNotContain(secret);
        assertThat(admin.get("/api/admin/users/nobody/tokens").status()).isEqualTo(404);
        assertThat(as("coordinator").get("/api/admin/users/tok.pat/tokens").status()).isEqualTo(403);
        assertThat(as("coordinator").delete("/api/admin/users/tok.pat/tokens/" + id).status()).isEqualTo(403);
        assertThat(admin.delete("/api/admin/users/coordinator/tokens/" + id).status()).as("not the coordinator's")
                .isEqualTo(404);
        assertThat(admin.delete("/api/admin/users/tok.pat/tokens/" + id).status()).isEqualTo(204);
        assertRefused(send("/api/tasks", "Bearer " + secret, "198.51.100.4"));
        assertThat(pat.get("/api/tokens").json().get(0).get("revokedBy").asText()).isEqualTo("admin");
        assertThat(jdbc.sql("select detail from audit_event where action = 'API_TOKEN_REVOKED' and actor = 'admin'"
                        + " and occurred_at >= :since").param("since", Timestamp.from(since)).query(String.class).list())
                .containsExactly("token " + id + " \"pat's script\" of tok.pat, by an administrator");
    }

    @Test
    void thePageIssuesATokenShownOnceListsAndRevokesIt() throws Exception {
        user("tok.wes", "COORDINATOR", "AUDITOR");
        RequestPostProcessor wes = SecurityMockMvcRequestPostProcessors.user("tok.wes").roles("COORDINATOR", "AUDITOR");
        Document empty = Jsoup.parse(mvc.perform(get("/account/tokens").with(wes)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(empty.getElementById("nav-api-tokens")).as("linked from the header").isNotNull();
        assertThat(empty.getElementById("no-tokens")).isNotNull();
        assertThat(empty.select("#token-form input[name=_csrf]")).isNotEmpty();
        assertThat(empty.select("#token-form input[name=roles]").eachAttr("value")).containsExactly("COORDINATOR", "AUDITOR");

        mvc.perform(post("/account/tokens").with(wes).param("name", "no csrf")).andExpect(status().isForbidden());
        Document invalid = Jsoup.parse(mvc.perform(post("/account/tokens").with(wes).with(csrf()).param("name", "")
                        .param("days", "soon").param("roles", "AUDITOR")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(invalid.getElementById("form-errors")).isNotNull();
        assertThat(invalid.getElementById("days-error")).isNotNull();
        Document noRole = Jsoup.parse(mvc.perform(post("/account/tokens").with(wes).with(csrf()).param("name", "x")
                .param("days", "3")).andReturn().getResponse().getContentAsString());
        assertThat(noRole.getElementById("roles-error")).as("no role ticked is no role, not all").isNotNull();
        assertThat(jdbc.sql("select count(*) from api_token where username = 'tok.wes'").query(Integer.class).single())
                .isZero();

        MvcResult issued = mvc.perform(post("/account/tokens").with(wes).with(csrf()).param("name", "from the page")
                .param("days", "7").param("roles", "AUDITOR")).andExpect(status().isOk()).andReturn();
        assertThat(issued.getResponse().getHeader("Cache-Control")).contains("no-store");
        Document page = Jsoup.parse(issued.getResponse().getContentAsString());
        String secret = page.getElementById("issued-secret").attr("value");
        assertThat(secret).matches("imr_[A-Za-z0-9_-]{43}");
        assertThat(page.select("#tokens tbody tr")).hasSize(1);
        assertThat(page.select("#tokens tbody tr").text()).contains("from the page").doesNotContain(secret);
        assertThat(send("/api/tasks", "Bearer " + secret, "198.51.100.5").statusCode()).isEqualTo(200);
        assertThat(send("/api/admin/audit/verify", "Bearer " + secret, "198.51.100.5").statusCode()).as("an auditor's")
                .isEqualTo(200);

        Document again = Jsoup.parse(mvc.perform(get("/account/tokens").with(wes)).andReturn().getResponse()
                .getContentAsString());
        assertThat(again.getElementById("issued-secret")).as("shown once").isNull();
        assertThat(again.html()).doesNotContain(secret);
        long id = id("from the page");
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(wes)).andExpect(status().isForbidden());
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(wes).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"));
        assertRefused(send("/api/tasks", "Bearer " + secret, "198.51.100.5"));
        assertThat(Jsoup.parse(mvc.perform(get("/account/tokens").with(wes)).andReturn().getResponse()
                .getContentAsString()).select("#token-" + id).text()).contains("revoked");
    }

    /**
     * A script beside the browser, with the browser's session cookie: its token (or password) signs in its request
     * alone, and the session keeps its id. Changed, the browser's requests in flight would carry an id that is gone.
     */
    @Test
    void anApiRequestWithTheBrowsersCookieLeavesTheSessionAsItIs() {
        ImrClient ida = user("tok.ida", "COORDINATOR");
        String secret = issue(ida, Map.of("name", "beside the browser"));
        String base = "http://localhost:" + port;
        Browser browser = new Browser().signIn(base, "tok.ida", PASSWORD);
        for (String authorization : List.of("Bearer " + secret, "Basic " + Base64.getEncoder().encodeToString(
                ("tok.ida:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))) {
            HttpResponse<String> api = browser.api(base + "/api/tasks", authorization);
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.headers().allValues("Set-Cookie")).as("no new session id").isEmpty();
        }
        assertThat(browser.get(base + "/tasks").statusCode()).as("the session, still signed in").isEqualTo(200);
    }

    @Test
    void theApplicationsRoleCannotRewriteOrDeleteATokenButRevokeIt() {
        ImrClient ash = user("tok.ash", "AUDITOR");
        issue(ash, Map.of("name", "guarded"));
        JdbcClient application = JdbcClient.create(dataSource);
        assertThat(catchDenied(() -> application.sql("update api_token set expires_at = now() + interval '9 years'"
                + " where username = 'tok.ash'").update())).isTrue();
        assertThat(catchDenied(() -> application.sql("update api_token set roles = 'ADMIN' where username = 'tok.ash'")
                .update())).isTrue();
        assertThat(catchDenied(() -> application.sql("delete from api_token where username = 'tok.ash'").update())).isTrue();
        assertThat(application.sql("update api_token set last_used_at = now() where username = 'tok.ash'").update())
                .isEqualTo(1);
    }

    /** Whether PostgreSQL refused the statement for want of a privilege (SQLSTATE 42501). */
    private static boolean catchDenied(Runnable statement) {
        try {
            statement.run();
            return false;
        } catch (RuntimeException e) {
            return NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql
                    && "42501".equals(sql.getSQLState());
        }
    }

    /** An active user with these roles and the password {@link #PASSWORD}, created by the administrator. */
    private ImrClient user(String username, String... roles) {
        ImrClient.Response created = as("admin").post("/api/admin/users", Map.of("username", username,
                "fullName", "Token " + username, "roles", List.of(roles), "password", PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new ImrClient("http://localhost:" + port, username, PASSWORD);
    }

    private static String issue(ImrClient user, Map<String, ?> body) {
        ImrClient.Response issued = user.post("/api/tokens", body);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("token").asText();
    }

    private long id(String name) {
        return jdbc.sql("select id from api_token where name = :n").param("n", name).query(Long.class).single();
    }

    /** A GET with this Authorization header, as if from this address (behind the proxy the application trusts). */
    private HttpResponse<String> send(String path, String authorization, String address) throws Exception {
        return raw.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                        .header("X-Forwarded-For", address).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asText()).as("the same for every refusal").isEqualTo(REFUSED);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"imrflow\", error=\"invalid_token\"");
    }

    private static void assertField(ImrClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("errors").has(field)).as(response.body()).isTrue();
    }

    /** The user's token entries in the audit log since then, as "CODE detail", oldest first. */
    private List<String> audit(String username, Instant since) {
        return jdbc.sql("""
                        select action || ' ' || detail from audit_event
                         where actor = :u and action like 'API_TOKEN_%' and occurred_at >= :since order by seq""")
                .param("u", username).param("since", Timestamp.from(since)).query(String.class).list();
    }

    private void assertNoSecretAudited(String secret) {
        assertThat(jdbc.sql("select count(*) from audit_event where strpos(detail, :s) > 0 or strpos(actor, :s) > 0")
                .param("s", secret.substring(4)).query(Integer.class).single()).isZero();
    }
}
