package org.imrflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.ImrClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * User administration through the API and the pages: administrators only, each bad field named and nothing
 * stored, a created user signs in, a deactivated one cannot and their session ends, a password set anew replaces
 * the old one, no administrator locks themselves out, and every change is audited without a password. All tests
 * share one application: each works on users of its own.
 */
class UserAdministrationIT extends ApplicationIT {

    private static final String USERS = "/api/admin/users";
    private static final String PASSWORD = "a long enough secret";
    private static final List<String> NON_ADMINISTRATORS = List.of("coordinator", "reviewer", "director", "auditor");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorCreatesAUserThroughTheApiWhoThenSignsIn() throws Exception {
        ImrClient admin = as("admin");
        ImrClient.Response created = admin.post(USERS, newUser("casey.new", " Casey New ", List.of("COORDINATOR"), PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).endsWith(USERS + "/casey.new");
        JsonNode user = created.json();
        assertThat(user.get("username").asText()).isEqualTo("casey.new");
        assertThat(user.get("fullName").asText()).isEqualTo("Casey New");
        assertThat(user.get("roles").get(0).asText()).isEqualTo("COORDINATOR");
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.has("createdAt")).isTrue();
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("password").doesNotContain("bcrypt");

        assertThat(admin.get(USERS + "/casey.new").json().get("fullName").asText()).isEqualTo("Casey New");
        assertThat(admin.get(USERS).json().findValuesAsText("username")).contains("admin", "coordinator", "casey.new");
        assertThat(admin.get(USERS + "?q=casey&role=COORDINATOR&active=true").json().findValuesAsText("username"))
                .contains("casey.new").doesNotContain("admin");
        assertThat(admin.get(USERS).body()).doesNotContainIgnoringCase("password");
        assertThat(admin.get(USERS + "/nobody").status()).isEqualTo(404);
        assertThat(admin.get(USERS + "?role=KING").json().path("errors").has("role")).isTrue();

        String hash = jdbc.sql("select password_hash from app_user where username = 'casey.new'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);

        ImrClient casey = new ImrClient(base(), "casey.new", PASSWORD);
        assertThat(casey.get("/api/tasks").status()).as("signs in to the API").isEqualTo(200);
        assertThat(casey.get(USERS).status()).as("a coordinator, not an administrator").isEqualTo(403);
        mvc.perform(formLogin("/login").user("casey.new").password(PASSWORD)).andExpect(authenticated().withUsername("casey.new")
                .withRoles("COORDINATOR"));

        assertThat(audited("USER_CREATED", "casey.new")).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("admin");
            assertThat(entry.detail()).contains("Casey New", "COORDINATOR");
        });
        assertNoPasswordAudited();
    }

    @Test
    void onlyAdministratorsSeeOrChangeUsers() throws Exception {
        ImrClient admin = as("admin");
        assertThat(admin.post(USERS, newUser("denied.target", "Denied Target", List.of("AUDITOR"), PASSWORD)).status())
                .isEqualTo(201);
        long users = users();
        for (String name : NON_ADMINISTRATORS) {
            ImrClient client = as(name);
            assertThat(client.get(USERS).status()).as(name).isEqualTo(403);
            assertThat(client.get(USERS + "/denied.target").status()).as(name).isEqualTo(403);
            assertThat(client.post(USERS, newUser("by." + name, "By Them", List.of("ADMIN"), PASSWORD)).status())
                    .as(name).isEqualTo(403);
            assertThat(client.put(USERS + "/" + name, Map.of("fullName", "Me", "roles", List.of("ADMIN"), "active", true))
                    .status()).as(name + " makes themselves an administrator").isEqualTo(403);
            assertThat(client.post(USERS + "/denied.target/password", Map.of("password", "taken over by them")).status())
                    .as(name).isEqualTo(403);
        }
        assertThat(ImrClient.anonymous(base()).get(USERS).status()).isEqualTo(401);
        assertThat(users()).as("nothing stored").isEqualTo(users);
        assertThat(as("coordinator").get("/api/tasks").status()).as("still a coordinator only").isEqualTo(200);

        Map<String, String> roles = Map.of("coordinator", "COORDINATOR", "reviewer", "REVIEWER",
                "director", "MEDICAL_DIRECTOR", "auditor", "AUDITOR");
        for (Map.Entry<String, String> user : roles.entrySet()) {
            RequestPostProcessor who = as(user.getKey(), user.getValue());
            mvc.perform(get("/admin/users").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/users/new").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/users/denied.target/edit").with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/admin/users").with(who).with(csrf()).param("username", "sneaky").param("fullName", "Sneaky")
                    .param("roles", "ADMIN").param("password", PASSWORD).param("passwordRepeated", PASSWORD))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/users/denied.target/edit").with(who).with(csrf()).param("fullName", "X")
                    .param("roles", "ADMIN").param("active", "true")).andExpect(status().isForbidden());
            mvc.perform(post("/admin/users/denied.target/password").with(who).with(csrf())
                    .param("password", PASSWORD).param("passwordRepeated", PASSWORD)).andExpect(status().isForbidden());
            Document home = Jsoup.parse(mvc.perform(get("/").with(who)).andReturn().getResponse().getContentAsString());
            assertThat(home.select("#nav-users")).as(user.getKey()).isEmpty();
        }
        assertThat(users()).isEqualTo(users);
        assertThat(admin.get(USERS + "/denied.target").json().get("roles").get(0).asText()).isEqualTo("AUDITOR");
    }

    @Test
    void badUsersAreRejectedFieldByFieldAndNothingIsStored() {
        ImrClient admin = as("admin");
        long users = users();
        long audited = auditRows();

        assertRejected(admin.post(USERS, newUser("coordinator", "Second Casey", List.of("COORDINATOR"), PASSWORD)),
                "username", "taken");
        assertRejected(admin.post(USERS, newUser("  ", "Blank", List.of("COORDINATOR"), PASSWORD)), "username", "Enter a username");
        assertRejected(admin.post(USERS, newUser("Not Valid!", "Bad", List.of("COORDINATOR"), PASSWORD)), "username", "3 to 64");
        assertRejected(admin.post(USERS, newUser("system", "System", List.of("COORDINATOR"), PASSWORD)), "username", "reserved");
        assertRejected(admin.post(USERS, newUser("empty.pw", "Empty", List.of("COORDINATOR"), "")), "password", "Enter a password");
        assertRejected(admin.post(USERS, newUser("short.pw", "Short", List.of("COORDINATOR"), "short")), "password", "12");
        assertRejected(admin.post(USERS, newUser("same.as.name", "Same", List.of("COORDINATOR"), "same.as.name")),
                "password", "username");
        assertRejected(admin.post(USERS, newUser("no.roles", "None", List.of(), PASSWORD)), "roles", "at least one role");
        assertRejected(admin.post(USERS, newUser("no.name", " ", List.of("AUDITOR"), PASSWORD)), "fullName", "full name");

        ImrClient.Response unknownRole = admin.post(USERS, newUser("king", "King", List.of("KING"), PASSWORD));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().path("errors").fieldNames()).toIterable().singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("roles");
        assertThat(unknownRole.body()).contains("COORDINATOR").doesNotContain("Exception");

        Map<String, Object> unknownField = new HashMap<>(newUser("extra", "Extra", List.of("AUDITOR"), PASSWORD));
        unknownField.put("passwordHash", "{noop}mine");
        assertRejected(admin.post(USERS, unknownField), "passwordHash", "Unknown field");

        JsonNode empty = admin.post(USERS, Map.of()).json();
        assertThat(empty.get("status").asInt()).isEqualTo(400);
        assertThat(empty.get("title").asText()).isEqualTo("Invalid input");
        assertThat(empty.path("errors").has("username")).isTrue();
        assertThat(empty.path("errors").has("fullName")).isTrue();
        assertThat(empty.path("errors").has("roles")).isTrue();
        assertThat(empty.path("errors").has("password")).isTrue();

        assertThat(admin.post(USERS, newUser("short.pw", "Short", List.of("COORDINATOR"), "short")).body()).doesNotContain("\"short\"");
        assertThat(users()).as("nothing stored").isEqualTo(users);
        assertThat(auditRows()).as("nothing audited").isEqualTo(audited);
        assertThat(jdbc.sql("select full_name from app_user where username = 'coordinator'").query(String.class).single())
                .isEqualTo("Casey Coordinator");

        assertThat(admin.put(USERS + "/coordinator", Map.of("fullName", "Casey Coordinator", "roles", List.of("COORDINATOR")))
                .json().path("errors").has("active")).isTrue();
        assertThat(admin.put(USERS + "/nobody", Map.of("fullName", "N", "roles", List.of("AUDITOR"), "active", true)).status())
                .isEqualTo(404);
        assertThat(auditRows()).isEqualTo(audited);
    }

    @Test
    void aDeactivatedUserCannotSignInAndTheirSessionEnds() throws Exception {
        ImrClient admin = as("admin");
        assertThat(admin.post(USERS, newUser("dana.leaving", "Dana Leaving", List.of("COORDINATOR"), PASSWORD)).status())
                .isEqualTo(201);
        ImrClient dana = new ImrClient(base(), "dana.leaving", PASSWORD);
        assertThat(dana.get("/api/tasks").status()).isEqualTo(200);
        Cookie session = signIn("dana.leaving", PASSWORD);
        mvc.perform(get("/cases").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());

        ImrClient.Response deactivated = admin.put(USERS + "/dana.leaving",
                Map.of("fullName", "Dana Leaving", "roles", List.of("COORDINATOR"), "active", false));
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();

        assertThat(dana.get("/api/tasks").status()).as("the API refuses her").isEqualTo(401);
        mvc.perform(formLogin("/login").user("dana.leaving").password(PASSWORD)).andExpect(unauthenticated());
        mvc.perform(get("/cases").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'dana.leaving'")
                .query(Long.class).single()).as("her session ended").isZero();
        assertThat(admin.get(USERS + "?active=false").json().findValuesAsText("username")).contains("dana.leaving");
        assertThat(audited("USER_UPDATED", "dana.leaving")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("deactivated"));

        assertThat(admin.put(USERS + "/dana.leaving",
                Map.of("fullName", "Dana Back", "roles", List.of("COORDINATOR", "AUDITOR"), "active", true)).status())
                .isEqualTo(200);
        assertThat(dana.get("/api/tasks").status()).as("reactivated").isEqualTo(200);
        assertThat(audited("USER_UPDATED", "dana.leaving")).hasSize(2).last()
                .satisfies(entry -> assertThat(entry.detail()).contains("reactivated", "Dana Back", "AUDITOR"));
    }

    @Test
    void aPasswordSetByAnAdministratorReplacesTheOldOne() throws Exception {
        ImrClient admin = as("admin");
        assertThat(admin.post(USERS, newUser("forgetful", "Frankie Forgetful", List.of("REVIEWER"), PASSWORD)).status())
                .isEqualTo(201);
        Cookie session = signIn("forgetful", PASSWORD);
        String newPassword = "a brand new password";

        assertRejected(admin.post(USERS + "/forgetful/password", Map.of("password", "")), "password", "Enter a password");
        assertRejected(admin.post(USERS + "/forgetful/password", Map.of("password", "too short")), "password", "12");
        assertThat(admin.post(USERS + "/nobody/password", Map.of("password", newPassword)).status()).isEqualTo(404);
        assertThat(new ImrClient(base(), "forgetful", PASSWORD).get("/api/tasks").status()).as("unchanged").isEqualTo(200);

        ImrClient.Response reset = admin.post(USERS + "/forgetful/password", Map.of("password", newPassword));
        assertThat(reset.status()).as(reset.body()).isEqualTo(204);
        assertThat(new ImrClient(base(), "forgetful", PASSWORD).get("/api/tasks").status()).as("old password").isEqualTo(401);
        assertThat(new ImrClient(base(), "forgetful", newPassword).get("/api/tasks").status()).isEqualTo(200);
        mvc.perform(formLogin("/login").user("forgetful").password(PASSWORD)).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("forgetful").password(newPassword)).andExpect(authenticated());
        mvc.perform(get("/tasks").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));

        assertThat(audited("USER_PASSWORD_RESET", "forgetful")).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("admin"));
        assertNoPasswordAudited();
    }

    @Test
    void noAdministratorLocksThemselvesOut() throws Exception {
        ImrClient admin = as("admin");
        ImrClient.Response deactivateSelf = admin.put(USERS + "/admin",
                Map.of("fullName", "Alex Admin", "roles", List.of("ADMIN"), "active", false));
        assertThat(deactivateSelf.status()).isEqualTo(409);
        assertThat(deactivateSelf.json().get("detail").asText()).contains("cannot deactivate yourself");
        ImrClient.Response dropRole = admin.put(USERS + "/admin",
                Map.of("fullName", "Alex Admin", "roles", List.of("COORDINATOR"), "active", true));
        assertThat(dropRole.status()).isEqualTo(409);
        assertThat(dropRole.json().get("detail").asText()).contains("administrator role");

        mvc.perform(post("/admin/users/admin/edit").with(as("admin", "ADMIN")).with(csrf())
                        .param("fullName", "Alex Admin").param("roles", "ADMIN").param("_active", "on"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"form-conflict\"")))
                .andExpect(content().string(containsString("cannot deactivate yourself")));
        mvc.perform(post("/admin/users/admin/edit").with(as("admin", "ADMIN")).with(csrf())
                        .param("fullName", "Alex Admin").param("roles", "AUDITOR").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("administrator role")));

        JsonNode me = admin.get(USERS + "/admin").json();
        assertThat(me.get("active").asBoolean()).isTrue();
        assertThat(me.get("roles").get(0).asText()).isEqualTo("ADMIN");
        assertThat(audited("USER_UPDATED", "admin")).isEmpty();

        ImrClient.Response renamed = admin.put(USERS + "/admin",
                Map.of("fullName", "Alex Admin", "roles", List.of("ADMIN", "AUDITOR"), "active", true));
        assertThat(renamed.status()).as("adding a role to oneself is fine").isEqualTo(200);
        assertThat(admin.put(USERS + "/admin", Map.of("fullName", "Alex Admin", "roles", List.of("ADMIN"), "active", true))
                .status()).isEqualTo(200);
    }

    @Test
    void anAdministratorManagesUsersOnThePages() throws Exception {
        RequestPostProcessor admin = as("admin", "ADMIN");
        Document list = page(get("/admin/users").with(admin));
        assertThat(list.select("#users tbody tr").size()).isGreaterThanOrEqualTo(6);
        assertThat(list.select("#user-coordinator").text()).contains("Casey Coordinator", "Case coordinator", "active");
        assertThat(list.select("#nav-users")).hasSize(1);
        assertThat(list.select("th").eachText()).contains("Created");
        Document filtered = page(get("/admin/users").param("role", "MEDICAL_DIRECTOR").with(admin));
        // other test classes on the shared application may have made directors of their own
        assertThat(filtered.select("#users tbody tr").eachAttr("id")).contains("user-director")
                .doesNotContain("user-coordinator", "user-admin");
        assertThat(filtered.select("#users tbody tr").eachText())
                .allSatisfy(row -> assertThat(row).contains("Medical director"));
        assertThat(page(get("/admin/users/new").with(admin)).select("#user-form [name=roles]")).hasSize(Role.values().length);

        long users = users();
        Document taken = Jsoup.parse(mvc.perform(post("/admin/users").with(admin).with(csrf())
                        .param("username", "coordinator").param("fullName", "Another").param("roles", "REVIEWER")
                        .param("password", PASSWORD).param("passwordRepeated", PASSWORD))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(taken.select("#username-error").text()).contains("taken");
        assertThat(taken.select("#form-errors")).hasSize(1);
        assertThat(taken.select("#password").val()).as("never shown again").isEmpty();
        assertThat(taken.html()).doesNotContain(PASSWORD);

        Document bad = Jsoup.parse(mvc.perform(post("/admin/users").with(admin).with(csrf())
                        .param("username", " ").param("fullName", "Pat").param("_roles", "on")
                        .param("password", PASSWORD).param("passwordRepeated", "something else"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(bad.select("#username-error").text()).contains("Enter a username");
        assertThat(bad.select("#roles-error").text()).contains("at least one role");
        assertThat(bad.select("#passwordRepeated-error").text()).contains("differ");
        assertThat(bad.select("#fullName").val()).isEqualTo("Pat");
        assertThat(users()).as("nothing stored").isEqualTo(users);

        mvc.perform(post("/admin/users").with(admin).with(csrf())
                        .param("username", "pat.page").param("fullName", "Pat Page").param("roles", "COORDINATOR")
                        .param("password", PASSWORD).param("passwordRepeated", PASSWORD))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("message", "users.createdMessage"))
                .andExpect(flash().attribute("messageArg", "pat.page"));
        Document edit = page(get("/admin/users/pat.page/edit").with(admin));
        assertThat(edit.select("#fullName").val()).isEqualTo("Pat Page");
        assertThat(edit.select("[name=roles][checked]").eachAttr("value")).containsExactly("COORDINATOR");
        assertThat(edit.select("#self-note")).isEmpty();
        assertThat(page(get("/admin/users/admin/edit").with(admin)).select("#self-note")).hasSize(1);

        // a session of Pat's gets the new roles at its next request
        Cookie pat = signIn("pat.page", PASSWORD);
        mvc.perform(get("/admin/users").cookie(pat)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/pat.page/edit").with(admin).with(csrf())
                        .param("fullName", "Pat Page").param("roles", "COORDINATOR", "ADMIN").param("active", "true"))
                .andExpect(redirectedUrl("/admin/users/pat.page/edit"))
                .andExpect(flash().attribute("message", "users.updated"));
        mvc.perform(get("/admin/users").cookie(pat)).andExpect(status().isOk());
        assertThat(audited("USER_UPDATED", "pat.page")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("COORDINATOR -> COORDINATOR, ADMIN"));

        Document differ = Jsoup.parse(mvc.perform(post("/admin/users/pat.page/password").with(admin).with(csrf())
                        .param("password", "a new password here").param("passwordRepeated", "not the same one"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(differ.select("#passwordRepeated-error").text()).contains("differ");
        mvc.perform(post("/admin/users/pat.page/password").with(admin).with(csrf())
                        .param("password", "a new password here").param("passwordRepeated", "a new password here"))
                .andExpect(redirectedUrl("/admin/users/pat.page/edit"))
                .andExpect(flash().attribute("message", "users.passwordReset"));
        mvc.perform(formLogin("/login").user("pat.page").password("a new password here")).andExpect(authenticated());
        mvc.perform(get("/admin/users/nobody/edit").with(admin)).andExpect(status().isNotFound());
        assertNoPasswordAudited();
    }

    private static Map<String, Object> newUser(String username, String fullName, List<String> roles, String password) {
        return Map.of("username", username, "fullName", fullName, "roles", roles, "password", password);
    }

    /** Signs in on the login form; returns the session's cookie (the session itself lives in PostgreSQL). */
    private Cookie signIn(String username, String password) throws Exception {
        Cookie cookie = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(authenticated()).andReturn().getResponse().getCookie("SESSION");
        assertThat(cookie).as("the session cookie").isNotNull();
        return cookie;
    }

    private Document page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("password_hash"))))
                .andReturn().getResponse().getContentAsString());
    }

    private static void assertRejected(ImrClient.Response response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("errors").path(field).asText()).as(response.body()).contains(message);
        assertThat(response.body()).doesNotContain("Exception");
    }

    private List<AuditRow> audited(String action, String username) {
        return jdbc.sql("select actor, detail from audit_event where action = :action and detail like :user order by id")
                .param("action", action).param("user", username + "%")
                .query((rs, i) -> new AuditRow(rs.getString(1), rs.getString(2))).list();
    }

    private record AuditRow(String actor, String detail) {}

    private void assertNoPasswordAudited() {
        assertThat(jdbc.sql("select count(*) from audit_event where detail like '%secret%' or detail like '%password here%' "
                + "or detail like '%brand new%'").query(Long.class).single()).isZero();
    }

    private long users() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    private long auditRows() {
        return jdbc.sql("select count(*) from audit_event where action like 'USER_%'").query(Long.class).single();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static RequestPostProcessor as(String username, String role) {
        return user(username).roles(role);
    }
}
