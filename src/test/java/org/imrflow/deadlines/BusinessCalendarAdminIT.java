package org.imrflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.client.RestClient;

/**
 * Closures through the API and the calendar page: administrators only, each bad field named, every change
 * audited, and the calendar in force counts them.
 */
class BusinessCalendarAdminIT extends ApplicationIT {

    private static final String CLOSURES = "/api/admin/closures";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessCalendars calendars;

    @Test
    void anAdministratorAddsAndRemovesAClosureThroughTheApi() {
        ImrClient admin = as("admin");
        LocalDate christmasEve = LocalDate.of(2026, 12, 24);

        ImrClient.Response added = admin.post(CLOSURES, Map.of("date", "2026-12-24", "name", "  Governor's closure "));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("date").asText()).isEqualTo("2026-12-24");
        assertThat(added.json().get("name").asText()).isEqualTo("Governor's closure");
        assertThat(admin.get(CLOSURES).json().findValuesAsText("date")).contains("2026-12-24");
        assertThat(admin.get(CLOSURES + "/2026-12-24").status()).isEqualTo(200);
        assertThat(calendars.current().isBusinessDay(christmasEve)).isFalse();
        assertThat(calendars.current().plusBusinessDays(LocalDate.of(2026, 12, 23), 1)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(audited("CLOSURE_ADDED")).contains("2026-12-24: Governor's closure");

        assertThat(delete("admin", CLOSURES + "/2026-12-24")).isEqualTo(204);
        assertThat(delete("admin", CLOSURES + "/2026-12-24")).isEqualTo(404);
        assertThat(admin.get(CLOSURES + "/2026-12-24").status()).isEqualTo(404);
        assertThat(calendars.current().isBusinessDay(christmasEve)).isTrue();
        assertThat(audited("CLOSURE_REMOVED")).contains("2026-12-24: Governor's closure");
    }

    @Test
    void onlyAdministratorsMayReadOrChangeClosures() {
        for (String user : new String[] {"coordinator", "auditor", "director", "reviewer"}) {
            assertThat(as(user).post(CLOSURES, Map.of("date", "2026-10-16", "name", "Closure")).status()).as(user).isEqualTo(403);
            assertThat(as(user).get(CLOSURES).status()).as(user).isEqualTo(403);
        }
        assertThat(as("admin").post(CLOSURES, Map.of("date", "2026-10-16", "name", "Fire drill")).status()).isEqualTo(201);
        assertThat(delete("coordinator", CLOSURES + "/2026-10-16")).isEqualTo(403);
        assertThat(calendars.closure(LocalDate.of(2026, 10, 16))).isPresent();
        assertThat(delete("admin", CLOSURES + "/2026-10-16")).isEqualTo(204);
    }

    @Test
    void badClosuresAreRejectedFieldByFieldAndNothingIsStored() {
        ImrClient admin = as("admin");
        assertThat(admin.post(CLOSURES, Map.of("date", "2026-09-14", "name", "Power outage")).status()).isEqualTo(201);
        long before = closures();

        assertRejected(admin.post(CLOSURES, Map.of("date", "2026-12-26", "name", "Storm")), "date", "Saturday");
        assertRejected(admin.post(CLOSURES, Map.of("date", "2026-12-25", "name", "Storm")), "date", "Christmas Day");
        assertRejected(admin.post(CLOSURES, Map.of("date", "2026-09-14", "name", "Storm")), "date", "Power outage");
        assertRejected(admin.post(CLOSURES, Map.of("date", "2026-09-15", "name", "   ")), "name", "Enter a name");
        assertRejected(admin.post(CLOSURES, Map.of("date", "2026-09-15", "name", "x".repeat(201))), "name", "200");
        assertRejected(admin.post(CLOSURES, Map.of("date", "2026-02-30", "name", "Storm")), "date", "Must be a date (yyyy-mm-dd)");
        assertRejected(admin.post(CLOSURES, Map.of("name", "Storm")), "date", "Enter the date");
        JsonNode both = admin.post(CLOSURES, Map.of()).json();
        assertThat(both.path("errors").has("date")).isTrue();
        assertThat(both.path("errors").has("name")).isTrue();
        assertThat(delete("admin", CLOSURES + "/12-24-2026")).isEqualTo(400);
        assertThat(admin.get(CLOSURES + "/not-a-date").json().path("errors").has("date")).isTrue();

        assertThat(admin.post(CLOSURES, Map.of("date", "2026-09-15", "name", "x".repeat(200))).status()).isEqualTo(201);
        assertThat(closures()).isEqualTo(before + 1);
    }

    @Test
    void theCalendarPageIsForAdministrators() throws Exception {
        mvc.perform(get("/admin/calendar").param("year", "2026").with(as("admin", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Business calendar 2026")))
                .andExpect(content().string(containsString("11/26/2026")))
                .andExpect(content().string(containsString("Day after Thanksgiving")))
                .andExpect(content().string(containsString("Thursday")))
                .andExpect(content().string(containsString("/admin/calendar?year=2027")))
                .andExpect(content().string(containsString("/admin/calendar?year=2025")));
        mvc.perform(get("/admin/calendar").with(as("admin", "ADMIN"))).andExpect(status().isOk());
        mvc.perform(get("/admin/calendar").with(as("coordinator", "COORDINATOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/calendar").param("year", "abc").with(as("admin", "ADMIN"))).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/calendar").param("year", "1850").with(as("admin", "ADMIN"))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/calendar/closures").param("date", "2026-08-14").param("name", "Closure")
                .with(as("coordinator", "COORDINATOR")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorAddsAndRemovesAClosureOnThePage() throws Exception {
        mvc.perform(post("/admin/calendar/closures").param("date", "2027-03-05").param("name", "Governor's closure")
                        .param("year", "2026").with(as("admin", "ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar?year=2027"))
                .andExpect(flash().attribute("message", "calendar.closureAdded"))
                .andExpect(flash().attribute("messageArg", "03/05/2027"));
        mvc.perform(get("/admin/calendar").param("year", "2027").with(as("admin", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"closure-2027-03-05\"")))
                .andExpect(content().string(containsString("Governor&#39;s closure")))
                .andExpect(content().string(containsString("/admin/calendar/closures/2027-03-05/remove")));

        mvc.perform(post("/admin/calendar/closures").param("date", "2027-03-06").param("name", " ").param("year", "2027")
                        .with(as("admin", "ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"date-error\"")))
                .andExpect(content().string(containsString("Saturday")))
                .andExpect(content().string(containsString("id=\"name-error\"")))
                .andExpect(content().string(containsString("Business calendar 2027")));
        mvc.perform(post("/admin/calendar/closures").param("date", "").param("name", "Storm")
                        .with(as("admin", "ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the date")))
                .andExpect(content().string(not(containsString("id=\"name-error\""))));

        mvc.perform(post("/admin/calendar/closures/2027-03-05/remove").with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/closures/2027-03-05/remove").with(as("admin", "ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar?year=2027"))
                .andExpect(flash().attribute("message", "calendar.closureRemoved"));
        mvc.perform(post("/admin/calendar/closures/2027-03-05/remove").with(as("admin", "ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar?year=2027"))
                .andExpect(flash().attribute("errorText", "There is no closure on 03/05/2027."));
        assertThat(calendars.closure(LocalDate.of(2027, 3, 5))).isEmpty();
    }

    private static void assertRejected(ImrClient.Response response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("errors").path(field).asText()).as(response.body()).contains(message);
        assertThat(response.body()).doesNotContain("Exception");
    }

    /** ImrClient has no DELETE; the same HTTP Basic call, answering the status. */
    private int delete(String username, String path) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(username, "demo"))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build().delete().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
    }

    private java.util.List<String> audited(String action) {
        return jdbc.sql("select detail from audit_event where action = :action").param("action", action)
                .query(String.class).list();
    }

    private long closures() {
        return jdbc.sql("select count(*) from business_closure").query(Long.class).single();
    }

    private static RequestPostProcessor as(String username, String role) {
        return user(username).roles(role);
    }
}
