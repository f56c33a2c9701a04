package org.imrflow.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.net.URI;
import java.time.LocalDate;
import java.time.Instant;
import org.imrflow.intake.CaseSummary;
import org.imrflow.intake.ReviewType;
import org.imrflow.intake.Stage;
import org.imrflow.support.ApplicationIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The eligibility decision table {@code bpmn/eligibility-screening.dmn}, evaluated on the embedded engine as
 * the screening worker evaluates it.
 */
class EligibilityScreeningDmnTest {

    private static final LocalDate UR_DECISION = LocalDate.of(2026, 10, 1);

    private static ZeebeTestEngine engine;
    private static CamundaClient client;
    private static EligibilityRules rules;

    @BeforeAll
    static void deploy() {
        int port = ApplicationIT.freePort();
        engine = EngineFactory.create(port);
        engine.start();
        client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://127.0.0.1:" + port))
                .preferRestOverGrpc(false).build();
        client.newDeployResourceCommand().addResourceFromClasspath("bpmn/eligibility-screening.dmn").send().join();
        rules = new EligibilityRules(client, new ObjectMapper());
    }

    @AfterAll
    static void stop() {
        client.close();
        engine.stop();
    }

    @Test
    void aSignedTimelyApplicationWithTheUrDecisionIsEligible() {
        assertThat(rules.evaluate(application(true, true, false, 30)).outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
    }

    @Test
    void eachFailedCheckIsAReason() {
        EligibilityRules.Verdict verdict = rules.evaluate(application(false, false, true, 31));
        assertThat(verdict.outcome()).isEqualTo(EligibilityOutcome.INELIGIBLE);
        assertThat(verdict.reasons()).hasSize(4).anyMatch(r -> r.contains("not signed"))
                .anyMatch(r -> r.contains("not attached")).anyMatch(r -> r.contains("conditional non-certification"))
                .anyMatch(r -> r.contains("within 30 days"));
    }

    @Test
    void filingOnDayThirtyIsTimelyAndOnDayThirtyOneIsNot() {
        assertThat(rules.evaluate(application(true, true, false, 30)).outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(rules.evaluate(application(true, true, false, 31)).reasons())
                .containsExactly("The application was not filed within 30 days of the utilization review decision.");
    }

    @Test
    void aFactLeftOpenMakesTheScreeningIncomplete() {
        EligibilityRules.Verdict verdict = rules.evaluate(application(null, true, null, 3));
        assertThat(verdict.outcome()).isEqualTo(EligibilityOutcome.INCOMPLETE);
        assertThat(verdict.reasons()).hasSize(2);
    }

    @Test
    void aKnownIneligibilityWinsOverAnOpenFact() {
        assertThat(rules.evaluate(application(null, false, false, 3)).outcome()).isEqualTo(EligibilityOutcome.INELIGIBLE);
    }

    private static CaseSummary application(Boolean signed, Boolean attached, Boolean cnc, int daysAfterUr) {
        return new CaseSummary(1, "CM26-0000001", Stage.ELIGIBILITY, ReviewType.STANDARD,
                UR_DECISION.plusDays(daysAfterUr), "Dale", "Detailer", "C-1", LocalDate.of(2011, 5, 27), "Employer",
                "Claims Administrator", "Dr. Treating", "PM&R", UR_DECISION, signed, attached, cnc, null, null, null,
                Instant.now());
    }
}
