package org.imrflow.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrflow.support.DecisionEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The eligibility decision table {@code bpmn/eligibility-screening.dmn}, evaluated on the embedded engine as
 * the screening worker evaluates it.
 */
class EligibilityScreeningDmnTest {

    private static DecisionEngine engine;
    private static EligibilityRules rules;

    @BeforeAll
    static void deploy() {
        engine = DecisionEngine.with("bpmn/eligibility-screening.dmn");
        rules = new EligibilityRules(engine.client(), new ObjectMapper());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void aSignedTimelyApplicationWithTheUrDecisionIsEligible() {
        assertThat(rules.evaluate(true, true, false, true).outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
    }

    @Test
    void eachFailedCheckIsAReason() {
        EligibilityRules.Verdict verdict = rules.evaluate(false, false, true, false);
        assertThat(verdict.outcome()).isEqualTo(EligibilityOutcome.INELIGIBLE);
        assertThat(verdict.reasons()).hasSize(4).anyMatch(r -> r.contains("not signed"))
                .anyMatch(r -> r.contains("not attached")).anyMatch(r -> r.contains("conditional non-certification"))
                .anyMatch(r -> r.contains("within 30 days"));
    }

    @Test
    void anApplicationFiledOutsideTheFilingWindowIsIneligible() {
        assertThat(rules.evaluate(true, true, false, true).outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(rules.evaluate(true, true, false, false).reasons()).containsExactly(
                "The application was not filed within 30 days of the service of the utilization review decision "
                        + "(35 days if it was mailed).");
    }

    @Test
    void aFactLeftOpenMakesTheScreeningIncomplete() {
        EligibilityRules.Verdict verdict = rules.evaluate(null, true, null, true);
        assertThat(verdict.outcome()).isEqualTo(EligibilityOutcome.INCOMPLETE);
        assertThat(verdict.reasons()).hasSize(2);
    }

    @Test
    void aKnownIneligibilityWinsOverAnOpenFact() {
        assertThat(rules.evaluate(null, false, false, true).outcome()).isEqualTo(EligibilityOutcome.INELIGIBLE);
    }

}
