package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The web pages with Spring Security's test support, on the real application and database: each role allowed
 * and denied, the application form's errors per field, and an application with a document received.
 */
@AutoConfigureMockMvc
class WebPagesIT extends ApplicationIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signingInIsRequiredForEveryPage() throws Exception {
        mvc.perform(get("/cases").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/cases")).andExpect(status().isUnauthorized()); // a client that is not a browser
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("sign-in")));
    }

    @Test
    void onlyCoordinatorsEnterApplications() throws Exception {
        mvc.perform(get("/cases/new").with(as("coordinator", "COORDINATOR"))).andExpect(status().isOk());
        mvc.perform(get("/cases/new").with(as("reviewer", "REVIEWER"))).andExpect(status().isForbidden());
        mvc.perform(application().with(as("auditor", "AUDITOR")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(application().with(as("coordinator", "COORDINATOR")))
                .andExpect(status().isForbidden()); // no CSRF token
    }

    @Test
    void aBadApplicationShowsEachErrorAndStoresNothing() throws Exception {
        long before = cases();
        LocalDate ur = LocalDate.now().minusDays(10);
        mvc.perform(application(Map.of("employeeFirstName", "", "disputedItems[0].quantity", "abc"))
                        .with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Required.")))
                .andExpect(content().string(containsString("Enter a number.")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(application(Map.of("dateOfInjury", ur.plusDays(1).toString()))
                        .with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Date of injury cannot be after the UR decision date.")));
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void anApplicationWithADocumentIsReceivedAndItsCaseShownOnlyToStaff() throws Exception {
        String location = mvc.perform(application()
                        .file(new MockMultipartFile("documents", "ur-decision.txt", "text/plain",
                                "UR decision: non-certified.".getBytes(StandardCharsets.UTF_8)))
                        .with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/cases/CM\\d{2}-\\d{7}");

        mvc.perform(get(location).with(as("auditor", "AUDITOR"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("ur-decision.txt")))
                .andExpect(content().string(containsString(Applications.PSYCHOLOGY)));
        mvc.perform(get(location).with(as("reviewer", "REVIEWER"))).andExpect(status().isNotFound());
        mvc.perform(get("/cases").param("q", "Detailer").with(as("reviewer", "REVIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(location.substring(7)))));
        mvc.perform(get("/cases").param("q", "Detailer").with(as("director", "MEDICAL_DIRECTOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(location.substring(7))));
        long documentId = jdbc.sql("select max(id) from case_document").query(Long.class).single();
        mvc.perform(get(location + "/documents/" + documentId).with(as("auditor", "AUDITOR")))
                .andExpect(status().isOk()).andExpect(content().string("UR decision: non-certified."));
        mvc.perform(get(location + "/documents/" + documentId).with(as("reviewer", "REVIEWER")))
                .andExpect(status().isNotFound());
    }

    private static MockMultipartHttpServletRequestBuilder application() {
        return application(Map.of());
    }

    /** The seed 001 application as the new-application page posts it, with some fields changed. */
    private static MockMultipartHttpServletRequestBuilder application(Map<String, String> changes) {
        LocalDate today = LocalDate.now();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reviewType", "STANDARD");
        fields.put("receivedDate", today.minusDays(3).toString());
        fields.put("employeeFirstName", "Dale");
        fields.put("employeeLastName", "Detailer");
        fields.put("claimNumber", "SC-2011-0527");
        fields.put("dateOfInjury", "2011-05-27");
        fields.put("employerName", "Shine Auto Detailing");
        fields.put("claimsAdministratorName", "Golden Claims");
        fields.put("requestingPhysicianName", "Dr. Pat Treating");
        fields.put("requestingPhysicianSpecialty", "Physical Medicine & Rehabilitation");
        fields.put("urDecisionDate", today.minusDays(10).toString());
        fields.put("urServiceMethod", "MAIL");
        fields.put("signed", "true");
        fields.put("urDecisionAttached", "true");
        fields.put("conditionalNonCertification", "false");
        fields.put("disputedItems[0].description", Applications.PSYCHOLOGY);
        fields.put("disputedItems[0].treatmentCategory", "BEHAVIORAL_HEALTH");
        fields.put("disputedItems[0].claimsAdministratorGuideline", Applications.NO_EVIDENCE);
        fields.putAll(changes);
        MockMultipartHttpServletRequestBuilder request = multipart("/cases/new");
        fields.forEach(request::param);
        return request;
    }

    private static RequestPostProcessor as(String username, String role) {
        return user(username).roles(role);
    }

    private long cases() {
        return jdbc.sql("select count(*) from imr_case").query(Long.class).single();
    }
}
