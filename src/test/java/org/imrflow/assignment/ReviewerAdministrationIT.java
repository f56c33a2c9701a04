package org.imrflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.security.Role;
import org.imrflow.security.UserAccounts;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.client.RestClient;

/**
 * The administration of the reviewer panel through the API and the pages, on the real database and engine: a
 * letter's credentials registered and read back as printed, each bad field named with nothing stored, every other
 * role refused, a reviewer replaced, deactivation refused while they hold a case, the demo panel. All tests share
 * one application; each registers its own users.
 */
class ReviewerAdministrationIT extends ApplicationIT {

    private static final String REVIEWERS = "/api/admin/reviewers";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts users;

    @Autowired
    BusinessTime time;

    @Test
    void anAdministratorRegistersALettersCredentialsAndReadsThemBackAsPrinted() {
        ImrClient admin = as("admin");
        Map<String, Object> reviewer = texasIllinois(newReviewerUser("pmr"));

        ImrClient.Response created = admin.post(REVIEWERS, reviewer);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).matches(".*/api/admin/reviewers/\\d+");
        JsonNode read = admin.get(created.location()).json();
        for (Map.Entry<String, Object> field : reviewer.entrySet()) {
            assertThat(read.get(field.getKey())).as(field.getKey()).isEqualTo(JSON.valueToTree(field.getValue()));
        }
        assertThat(read.get("openCases").asInt()).isZero();
        assertThat(read.get("id").asLong()).isEqualTo(created.json().get("id").asLong());
        assertThat(admin.get(REVIEWERS).json().findValuesAsText("username")).contains(reviewer.get("username").toString());
        assertThat(audited("REVIEWER_REGISTERED")).anyMatch(detail -> detail.contains(reviewer.get("username")
                + " (Dr. Gregory Fenwick): Texas, Illinois | Physical Medicine & Rehabilitation, Pediatric Rehabilitation "
                + "Medicine"));
    }

    @Test
    void postalCodesAndBoardSpellingsAreStoredAsLettersPrintThem() {
        Map<String, Object> reviewer = texasIllinois(newReviewerUser("ca"));
        reviewer.put("licenses", List.of(license("CA", "A 55555", "2030-01-31"), license("new  york", "271834", "2029-05-01")));
        reviewer.put("specialties", List.of("Orthopaedic Surgery", "pain medicine"));
        ImrClient.Response created = as("admin").post(REVIEWERS, reviewer);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("licenses").findValuesAsText("state")).containsExactly("California", "New York");
        assertThat(created.json().get("specialties").toString()).isEqualTo("[\"Orthopedic Surgery\",\"Pain Management\"]");
    }

    @Test
    void eachBadFieldIsNamedAndNothingIsStored() {
        ImrClient admin = as("admin");
        String username = newReviewerUser("bad");
        users.create(username + "-coord", "demo", "Casey Other", List.of(Role.COORDINATOR));
        String yesterday = time.today().minusDays(1).toString();
        long before = reviewers();

        assertRejected(admin, username, r -> r.put("specialties", List.of("Pain Management", "Astrology")),
                "specialties[1]", "Astrology");
        assertRejected(admin, username, r -> r.put("licenses", List.of(license("Texas", "K 1", "2030-01-01"),
                license("Atlantis", "A 1", "2030-01-01"))), "licenses[1].state", "not a US state");
        assertRejected(admin, username, r -> r.put("licenses", List.of(license("Texas", "K 1", yesterday))),
                "licenses[0].expires", "cannot have expired");
        assertRejected(admin, username, r -> r.put("capacity", -1), "capacity", "below zero");
        assertRejected(admin, username, r -> r.put("yearsInPractice", -3), "yearsInPractice", "below zero");
        assertRejected(admin, username, r -> r.put("hoursPerWeek", -1), "hoursPerWeek", "below zero");
        assertRejected(admin, username, r -> r.put("username", "nobody-" + username), "username", "There is no user");
        assertRejected(admin, username, r -> r.put("username", username + "-coord"), "username", "role REVIEWER");
        assertRejected(admin, username, r -> r.put("username", "reviewer"), "username", "already on the panel");
        assertRejected(admin, username, r -> r.remove("username"), "username", "Enter the user name");
        assertRejected(admin, username, r -> r.put("licenses", List.of()), "licenses", "at least one license");
        assertRejected(admin, username, r -> r.remove("licenses"), "licenses", "at least one license");
        assertRejected(admin, username, r -> r.put("specialties", List.of()), "specialties", "at least one");
        assertRejected(admin, username, r -> r.put("displayName", "  "), "displayName", "Enter the reviewer's name");
        assertRejected(admin, username, r -> r.put("affiliations", List.of(Map.of("name", "Acme", "kind", "LANDLORD"))),
                "affiliations[0].kind", "EMPLOYER");
        assertRejected(admin, username, r -> r.put("affiliations", List.of(Map.of("name", "Valley Orthopedic Medical "
                + "Group", "kind", "MEDICAL_GROUP", "npi", "1234567890"))), "affiliations[0].npi", "check digit");
        assertRejected(admin, username, r -> r.put("licenses", List.of(Map.of("state", "Texas", "number", "K 1",
                "status", "LAPSED", "expires", "2030-01-01"))), "licenses[0].status", "ACTIVE");
        assertRejected(admin, username, r -> r.put("sanctions", List.of(Map.of("description", "Probation",
                "imposedOn", "2025-03-01", "endsOn", "2025-01-01"))), "sanctions[0].endsOn", "before");
        assertRejected(admin, username, r -> r.put("leaves", List.of(Map.of("startsOn", "2030-03-01"))),
                "leaves[0].endsOn", "last day");
        assertRejected(admin, username, r -> r.put("licenses", List.of(license("Texas", "K 1", "2030-02-30"))),
                "licenses[0].expires", "Must be a date (yyyy-mm-dd)");
        assertRejected(admin, username, r -> r.put("favouriteColour", "blue"), "favouriteColour", "Unknown field");

        ImrClient.Response malformed = admin.post(REVIEWERS, "{\"username\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asText()).contains("not valid JSON");
        JsonNode several = admin.post(REVIEWERS, Map.of("username", username)).json().path("errors");
        assertThat(several.has("displayName") && several.has("licenses") && several.has("specialties")
                && several.has("capacity")).as("every mistake at once: " + several).isTrue();
        assertThat(reviewers()).isEqualTo(before);
        assertThat(users.exists(username)).isTrue();

        assertThat(admin.post(REVIEWERS, texasIllinois(username)).status()).as("and the good entry is taken").isEqualTo(201);
        assertThat(reviewers()).isEqualTo(before + 1);
    }

    @Test
    void onlyAdministratorsSeeOrChangeThePanel() throws Exception {
        long id = as("admin").get(REVIEWERS).json().get(0).get("id").asLong();
        String username = newReviewerUser("denied");
        long before = reviewers();
        for (String user : new String[] {"coordinator", "reviewer", "director", "auditor"}) {
            ImrClient client = as(user);
            assertThat(client.get(REVIEWERS).status()).as(user).isEqualTo(403);
            assertThat(client.get(REVIEWERS + "/" + id).status()).as(user).isEqualTo(403);
            assertThat(client.post(REVIEWERS, texasIllinois(username)).status()).as(user).isEqualTo(403);
            assertThat(put(user, REVIEWERS + "/" + id, texasIllinois(username)).status()).as(user).isEqualTo(403);
        }
        for (String[] user : new String[][] {{"coordinator", "COORDINATOR"}, {"reviewer", "REVIEWER"},
                {"director", "MEDICAL_DIRECTOR"}, {"auditor", "AUDITOR"}}) {
            RequestPostProcessor as = as(user[0], user[1]);
            mvc.perform(get("/admin/reviewers").with(as)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/reviewers/new").with(as)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/reviewers/" + id).with(as)).andExpect(status().isForbidden());
            mvc.perform(form("/admin/reviewers/new", formFor(username)).with(as).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(form("/admin/reviewers/" + id, formFor(username)).with(as).with(csrf()))
                    .andExpect(status().isForbidden());
            Document dashboard = page(get("/").with(as));
            assertThat(dashboard.select("#nav-reviewers")).as(user[0]).isEmpty();
        }
        assertThat(as("reviewer").get(REVIEWERS + "/999999").status()).as("no hint whether it exists").isEqualTo(403);
        assertThat(as("admin").get(REVIEWERS + "/999999").status()).isEqualTo(404);
        assertThat(as("admin").get(REVIEWERS + "/abc").json().path("errors").has("id")).isTrue();
        assertThat(reviewers()).isEqualTo(before);
    }

    @Test
    void aPutReplacesTheWholeRecordButNotTheUser() {
        ImrClient admin = as("admin");
        String username = newReviewerUser("put");
        long id = admin.post(REVIEWERS, texasIllinois(username)).json().get("id").asLong();

        Map<String, Object> changed = texasIllinois(username);
        changed.put("displayName", "Dr. Gregory Fenwick-Hale");
        changed.put("licenses", List.of(license("California", "A 120001", "2031-06-30")));
        changed.put("specialties", List.of("Physical Medicine & Rehabilitation", "Sports Medicine"));
        changed.put("capacity", 4);
        changed.put("affiliations", List.of(Map.of("name", "Valley Orthopedic Medical Group", "kind", "MEDICAL_GROUP",
                "npi", "1234567893")));
        changed.put("sanctions", List.of());
        changed.put("leaves", List.of(Map.of("startsOn", "2030-07-01", "endsOn", "2030-07-14", "note", "Vacation")));
        ImrClient.Response replaced = put("admin", REVIEWERS + "/" + id, changed);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        JsonNode read = admin.get(REVIEWERS + "/" + id).json();
        for (Map.Entry<String, Object> field : changed.entrySet()) {
            assertThat(read.get(field.getKey())).as(field.getKey()).isEqualTo(JSON.valueToTree(field.getValue()));
        }
        assertThat(audited("REVIEWER_CHANGED")).anyMatch(d -> d.contains(username) && d.contains("capacity 9 -> 4")
                && d.contains("licenses California"));

        // what was read may be sent back as it is
        Map<String, Object> asRead = JSON.convertValue(read, Map.class);
        assertThat(put("admin", REVIEWERS + "/" + id, asRead).status()).isEqualTo(200);
        Map<String, Object> withoutUser = new HashMap<>(changed);
        withoutUser.remove("username");
        assertThat(put("admin", REVIEWERS + "/" + id, withoutUser).status()).isEqualTo(200);

        Map<String, Object> otherUser = new HashMap<>(changed);
        otherUser.put("username", "reviewer");
        ImrClient.Response refused = put("admin", REVIEWERS + "/" + id, otherUser);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").path("username").asText()).contains("cannot change");
        Map<String, Object> bad = new HashMap<>(changed);
        bad.put("capacity", -1);
        assertThat(put("admin", REVIEWERS + "/" + id, bad).status()).isEqualTo(400);
        assertThat(admin.get(REVIEWERS + "/" + id).json().get("capacity").asInt()).isEqualTo(4);
        assertThat(put("admin", REVIEWERS + "/999999", changed).status()).isEqualTo(404);
    }

    @Test
    void aReviewerHoldingACaseIsNotDeactivatedUntilItIsReassigned() throws Exception {
        ImrClient admin = as("admin");
        // psychiatry and PM&R fit both items of seed 001: chronic pain psychology and physical therapy
        String username = newReviewerUser("busy");
        Map<String, Object> busy = texasIllinois(username);
        busy.put("displayName", "Dr. Busy Deactivation");
        busy.put("licenses", List.of(license("California", "A 777001", "2031-01-01")));
        busy.put("specialties", List.of("Psychiatry", "Physical Medicine & Rehabilitation"));
        long id = admin.post(REVIEWERS, busy).json().get("id").asLong();

        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        coordinator.assignReviewer(caseNumber, "Dr. Busy Deactivation");
        assertThat(admin.get(REVIEWERS + "/" + id).json().get("openCases").asInt()).isEqualTo(1);

        Map<String, Object> inactive = new HashMap<>(busy);
        inactive.put("active", false);
        inactive.put("capacity", 2);
        ImrClient.Response refused = put("admin", REVIEWERS + "/" + id, inactive);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("Reassign " + caseNumber + " first");
        assertThat(refused.json().get("openCases").get(0).asText()).isEqualTo(caseNumber);
        JsonNode unchanged = admin.get(REVIEWERS + "/" + id).json();
        assertThat(unchanged.get("active").asBoolean()).isTrue();
        assertThat(unchanged.get("capacity").asInt()).as("nothing stored").isEqualTo(9);

        // the same on the page: the message stands next to the checkbox
        Map<String, String> fields = formFor(username);
        fields.remove("active");
        fields.put("_active", "on");
        Document page = page(form("/admin/reviewers/" + id, fields).with(as("admin", "ADMIN")).with(csrf()));
        assertThat(page.select("#active-error").text()).contains("Reassign " + caseNumber + " first");

        // another reviewer without open cases is deactivated
        String idle = newReviewerUser("idle");
        long idleId = admin.post(REVIEWERS, texasIllinois(idle)).json().get("id").asLong();
        Map<String, Object> idleInactive = texasIllinois(idle);
        idleInactive.put("active", false);
        ImrClient.Response deactivated = put("admin", REVIEWERS + "/" + idleId, idleInactive);
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(audited("REVIEWER_CHANGED")).anyMatch(d -> d.contains(idle) && d.contains("deactivated"));
        idleInactive.put("active", true);
        assertThat(put("admin", REVIEWERS + "/" + idleId, idleInactive).json().get("active").asBoolean()).isTrue();
    }

    @Test
    void theDemoPanelLooksLikeTheLettersAndEachReviewerSignsIn() throws Exception {
        JsonNode panel = as("admin").get(REVIEWERS).json();
        assertThat(panel.size()).isGreaterThanOrEqualTo(25);
        assertThat(panel.findValuesAsText("username")).contains("reviewer", "reviewer2", "reviewer3", "reviewer25");
        JsonNode anesthesia = null;
        for (JsonNode reviewer : panel) {
            if (reviewer.get("username").asText().equals("reviewer9")) {
                anesthesia = reviewer;
            }
        }
        assertThat(anesthesia).isNotNull();
        assertThat(anesthesia.get("licenses").findValuesAsText("state")).containsExactly("California", "Maryland");
        assertThat(anesthesia.get("specialties").toString()).isEqualTo("[\"Anesthesiology\",\"Pain Management\"]");
        assertThat(as("reviewer7").get("/api/tasks").status()).as("a demo reviewer signs in").isEqualTo(200);
        assertThat(users.rolesOf("reviewer23")).containsExactly(Role.REVIEWER);

        Document list = page(get("/admin/reviewers").with(as("admin", "ADMIN")));
        assertThat(list.select("#reviewers tbody tr").size()).isGreaterThanOrEqualTo(25);
        assertThat(list.select("#nav-reviewers")).hasSize(1);
        assertThat(list.text()).contains("Dr. Riley Reviewer", "no valid license", "sanction in force", "on leave until",
                "inactive", "practice standards not met");
        Document texas = page(get("/admin/reviewers").param("state", "Texas").param("specialty", "Orthopedic Surgery")
                .param("sort", "capacity").with(as("admin", "ADMIN")));
        assertThat(texas.select("#reviewers tbody tr")).allSatisfy(row -> assertThat(row.text()).contains("Texas")
                .contains("Orthopedic Surgery"));
        assertThat(texas.select("#reviewers tbody tr").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anAdministratorBuildsAReviewerInTheBrowserForm() throws Exception {
        String username = newReviewerUser("form");
        Document blank = page(get("/admin/reviewers/new").with(as("admin", "ADMIN")));
        assertThat(blank.select("[name=username]")).hasSize(1);
        assertThat(blank.select("select[name='licenses[0].state'] option")).hasSizeGreaterThan(50);
        assertThat(blank.select("#specialty-names option")).hasSizeGreaterThan(50);
        assertThat(blank.select("input[name='specialties[2]']")).hasSize(1);
        assertThat(blank.select("#reviewer-form input[name=_csrf]")).hasSize(1);

        // "Add a license" adds a row and stores nothing
        Map<String, String> fields = formFor(username);
        fields.put("add", "licenses");
        long before = reviewers();
        Document added = page(form("/admin/reviewers/new", fields).with(as("admin", "ADMIN")).with(csrf()));
        assertThat(added.select("select[name='licenses[2].state']")).hasSize(1);
        assertThat(added.select("select[name='licenses[1].state'] option[selected]").text()).isEqualTo("Illinois");
        assertThat(reviewers()).isEqualTo(before);

        // a bad row is named where it stands on the page, blank rows in between notwithstanding
        Map<String, String> bad = formFor(username);
        bad.put("licenses[1].state", "");
        bad.put("licenses[1].number", "");
        bad.put("licenses[1].expires", "");
        bad.put("licenses[2].state", "Texas");
        bad.put("licenses[2].number", "K 9");
        bad.put("licenses[2].status", "ACTIVE");
        bad.put("licenses[2].expires", "2030-01-01");
        bad.put("specialties[2]", "Astrology");
        bad.put("capacity", "-1");
        bad.put("yearsInPractice", "many");
        Document rejected = page(form("/admin/reviewers/new", bad).with(as("admin", "ADMIN")).with(csrf()));
        assertThat(rejected.select("#form-errors")).hasSize(1);
        assertThat(rejected.select("#licenses-2-state-error").text()).contains("A second license in Texas");
        assertThat(rejected.select("#specialties-2-error").text()).contains("Astrology");
        assertThat(rejected.select("#capacity-error").text()).contains("below zero");
        assertThat(rejected.select("#yearsInPractice-error").text()).contains("Enter a whole number");
        assertThat(rejected.select("input[name='specialties[2]']").val()).isEqualTo("Astrology");
        assertThat(reviewers()).isEqualTo(before);

        Map<String, String> noLicense = formFor(username);
        noLicense.keySet().removeIf(k -> k.startsWith("licenses"));
        Document unlicensed = page(form("/admin/reviewers/new", noLicense).with(as("admin", "ADMIN")).with(csrf()));
        assertThat(unlicensed.select("#licenses-error").text()).contains("at least one license");

        String location = mvc.perform(form("/admin/reviewers/new", formFor(username)).with(as("admin", "ADMIN")).with(csrf()))
                .andExpect(redirectedUrlPattern("/admin/reviewers/*"))
                .andExpect(flash().attribute("message", "reviewers.registered"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(reviewers()).isEqualTo(before + 1);
        JsonNode stored = as("admin").get("/api" + location).json();
        assertThat(stored.get("licenses").findValuesAsText("state")).containsExactly("Texas", "Illinois");
        assertThat(stored.get("specialties").toString())
                .isEqualTo("[\"Physical Medicine & Rehabilitation\",\"Pediatric Rehabilitation Medicine\"]");
        assertThat(stored.get("affiliations").get(0).get("kind").asText()).isEqualTo("FACILITY");
        assertThat(stored.get("leaves").get(0).get("note").asText()).isEqualTo("Conference");

        Document edit = page(get(location).with(as("admin", "ADMIN")));
        assertThat(edit.select("#username").text()).isEqualTo(username);
        assertThat(edit.select("[name=username]")).as("the user cannot change").isEmpty();
        assertThat(edit.select("input[name='specialties[1]']").val()).isEqualTo("Pediatric Rehabilitation Medicine");
        assertThat(edit.select("input[name='specialties[2]']").val()).as("a blank row to add one").isEmpty();
        assertThat(edit.select("#open-cases").text()).contains("0");

        Map<String, String> changed = formFor(username);
        changed.remove("username");
        changed.put("capacity", "3");
        mvc.perform(form(location, changed).with(as("admin", "ADMIN")).with(csrf()))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("message", "reviewers.saved"));
        assertThat(as("admin").get("/api" + location).json().get("capacity").asInt()).isEqualTo(3);
    }

    /** A new user with the role REVIEWER, not on the panel yet. */
    private String newReviewerUser(String hint) {
        String username = "it-" + hint + "-" + System.nanoTime() % 1_000_000;
        users.create(username, "demo", "Test Reviewer", List.of(Role.REVIEWER));
        return username;
    }

    /** The credentials of a 2016 letter: "Texas, Illinois | Physical Medicine & Rehabilitation, Pediatric ...". */
    private static Map<String, Object> texasIllinois(String username) {
        Map<String, Object> reviewer = new LinkedHashMap<>();
        reviewer.put("username", username);
        reviewer.put("displayName", "Dr. Gregory Fenwick");
        reviewer.put("active", true);
        reviewer.put("licenses", List.of(license("Texas", "M 6630", "2030-03-31"), license("Illinois", "036.118204", "2029-11-30")));
        reviewer.put("specialties", List.of("Physical Medicine & Rehabilitation", "Pediatric Rehabilitation Medicine"));
        reviewer.put("yearsInPractice", 16);
        reviewer.put("hoursPerWeek", 30);
        reviewer.put("capacity", 9);
        reviewer.put("affiliations", List.of(Map.of("name", "Bayside Surgery Center", "kind", "FACILITY")));
        reviewer.put("sanctions", List.of(Map.of("description", "Hospital staff privileges restricted",
                "imposedOn", "2019-02-01", "endsOn", "2019-08-01")));
        reviewer.put("leaves", List.of(Map.of("startsOn", "2030-04-01", "endsOn", "2030-04-05", "note", "Conference")));
        return reviewer;
    }

    /** The same reviewer as the page's form sends it, with blank rows as the browser sends them. */
    private static Map<String, String> formFor(String username) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("displayName", "Dr. Gregory Fenwick");
        form.put("active", "true");
        form.put("_active", "on");
        form.put("yearsInPractice", "16");
        form.put("hoursPerWeek", "30");
        form.put("capacity", "9");
        form.put("licenses[0].state", "Texas");
        form.put("licenses[0].number", "M 6630");
        form.put("licenses[0].status", "ACTIVE");
        form.put("licenses[0].expires", "2030-03-31");
        form.put("licenses[1].state", "Illinois");
        form.put("licenses[1].number", "036.118204");
        form.put("licenses[1].status", "ACTIVE");
        form.put("licenses[1].expires", "2029-11-30");
        form.put("specialties[0]", "Physical Medicine & Rehabilitation");
        form.put("specialties[1]", "Pediatric Rehabilitation Medicine");
        form.put("specialties[2]", "");
        form.put("affiliations[0].name", "Bayside Surgery Center");
        form.put("affiliations[0].kind", "FACILITY");
        form.put("affiliations[1].name", "");
        form.put("affiliations[1].kind", "");
        form.put("sanctions[0].description", "");
        form.put("sanctions[0].imposedOn", "");
        form.put("sanctions[0].endsOn", "");
        form.put("leaves[0].startsOn", "2030-04-01");
        form.put("leaves[0].endsOn", "2030-04-05");
        form.put("leaves[0].note", "Conference");
        return form;
    }

    private static Map<String, Object> license(String state, String number, String expires) {
        return Map.of("state", state, "number", number, "status", "ACTIVE", "expires", expires);
    }

    private void assertRejected(ImrClient admin, String username, Consumer<Map<String, Object>> change, String field,
                                String message) {
        Map<String, Object> reviewer = texasIllinois(username);
        change.accept(reviewer);
        ImrClient.Response response = admin.post(REVIEWERS, reviewer);
        assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
        assertThat(response.json().path("errors").path(field).asText()).as(response.body()).contains(message);
        assertThat(response.body()).doesNotContain("Exception");
    }

    private static MockHttpServletRequestBuilder form(String path, Map<String, String> fields) {
        MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        fields.forEach(request::param);
        return request;
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    /** ImrClient has no PUT; the same HTTP Basic call. */
    private ImrClient.Response put(String username, String path, Object body) {
        try {
            var entity = RestClient.builder().baseUrl("http://localhost:" + port)
                    .defaultHeaders(h -> h.setBasicAuth(username, "demo"))
                    .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                    .build().put().uri(path).contentType(MediaType.APPLICATION_JSON)
                    .body(JSON.writeValueAsString(body)).retrieve().toEntity(String.class);
            return new ImrClient.Response(entity.getStatusCode().value(), entity.getBody(), null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> audited(String action) {
        return jdbc.sql("select detail from audit_event where action = :action").param("action", action)
                .query(String.class).list();
    }

    private long reviewers() {
        return jdbc.sql("select count(*) from reviewer").query(Long.class).single();
    }

    private static RequestPostProcessor as(String username, String role) {
        return user(username).roles(role);
    }
}
