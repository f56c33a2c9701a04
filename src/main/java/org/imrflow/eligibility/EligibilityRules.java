package org.imrflow.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.imrflow.engine.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * Evaluates the eligibility decision table on the engine for an application's facts.
 */
@Component
class EligibilityRules {

    static final String DECISION_ID = "eligibility-screening";

    private final CamundaClient client;
    private final ObjectMapper json;

    EligibilityRules(CamundaClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** Evaluates the table; the three facts of the form may be open (null), the filing window is always judged. */
    Verdict evaluate(Boolean signed, Boolean urDecisionAttached, Boolean conditionalNonCertification,
                     boolean filedInTime) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("signed", signed);
        facts.put("urDecisionAttached", urDecisionAttached);
        facts.put("conditionalNonCertification", conditionalNonCertification);
        facts.put("filedInTime", filedInTime);
        String output = client.newEvaluateDecisionCommand().decisionId(DECISION_ID).variables(facts)
                .send().join(CaseProcess.ENGINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS).getDecisionOutput();
        return Verdict.of(read(output));
    }

    /** COLLECT with no matching rule yields null: no check failed. */
    private List<Map<String, String>> read(String output) {
        try {
            List<Map<String, String>> failed = json.readValue(output, new TypeReference<>() {});
            return failed == null ? List.of() : failed;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The eligibility decision returned an unexpected result", e);
        }
    }

    /** The screening's conclusion from the failed checks: ineligible beats incomplete, none means eligible. */
    record Verdict(EligibilityOutcome outcome, List<String> reasons) {

        static Verdict of(List<Map<String, String>> failedChecks) {
            for (EligibilityOutcome outcome : List.of(EligibilityOutcome.INELIGIBLE, EligibilityOutcome.INCOMPLETE)) {
                List<String> reasons = failedChecks.stream()
                        .filter(check -> outcome.name().equals(check.get("outcome")))
                        .map(check -> check.get("reason")).toList();
                if (!reasons.isEmpty()) {
                    return new Verdict(outcome, reasons);
                }
            }
            return new Verdict(EligibilityOutcome.ELIGIBLE, List.of());
        }
    }
}
