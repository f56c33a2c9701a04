package org.imrflow.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.imrflow.engine.CaseProcess;
import org.imrflow.intake.TreatmentCategory;
import org.springframework.stereotype.Component;

/**
 * The specialties that fit a category of disputed treatment, from the decision table {@code
 * bpmn/reviewer-specialties.dmn}, evaluated by the engine so that the table deployed is the one applied.
 */
@Component
class SpecialtyTable {

    static final String DECISION_ID = "reviewer-specialties";

    private final CamundaClient client;
    private final ObjectMapper json;

    SpecialtyTable(CamundaClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    Set<String> fitting(TreatmentCategory category) {
        String output = client.newEvaluateDecisionCommand().decisionId(DECISION_ID)
                .variables(Map.of("treatmentCategory", category.name()))
                .send().join(CaseProcess.ENGINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS).getDecisionOutput();
        try {
            List<String> specialties = json.readValue(output, new TypeReference<>() {});
            return specialties == null ? Set.of() : new HashSet<>(specialties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The reviewer-specialties decision returned an unexpected result", e);
        }
    }
}
