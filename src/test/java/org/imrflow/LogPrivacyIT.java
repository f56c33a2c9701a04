package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrflow.support.Applications.PHYSICAL_THERAPY;
import static org.imrflow.support.Applications.PSYCHOLOGY;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.imrflow.support.OneApplicationAtATime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Medical content never goes into the logs: a whole case, from intake to the letter and its public copy, with the
 * application's log captured from before it starts; none of the case's clinical text is in it. The shared
 * application running when the class begins is closed, so that a fresh one starts under the capture.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyIT extends ApplicationIT {

    @BeforeAll
    static void startAnewUnderTheCapture() {
        OneApplicationAtATime.closeRunning();
    }

    @Test
    void aWholeCaseLeavesNoMedicalContentInTheLog(CapturedOutput log) {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        coordinator.assignReviewer(caseNumber, "Riley");
        ImrClient reviewer = as("reviewer");
        reviewer.acceptAssignment(caseNumber);
        reviewer.workOk(caseNumber, "Task_ReviewCase", Applications.seed001Review(
                coordinator.itemId(caseNumber, PSYCHOLOGY), coordinator.itemId(caseNumber, PHYSICAL_THERAPY)));
        as("director").workOk(caseNumber, "Task_QualityReview", Map.of("qaDecision", "APPROVE"));
        JsonNode file = coordinator.awaitStage(caseNumber, "DECIDED");

        String letterId = null;
        for (JsonNode letter : file.path("letters")) {
            if (letter.path("kind").asText().equals("FINAL_DETERMINATION")) {
                letterId = letter.path("id").asText();
            }
        }
        String letter = coordinator.get("/api/cases/" + caseNumber + "/letters/" + letterId).body();
        List<String> clinical = List.of(
                "51-year-old male detailer", "chronic lumbar spine pain", "inguinal hernia",
                PSYCHOLOGY, PHYSICAL_THERAPY,
                "initial trial of 3-4 psychotherapy visits", "active self-directed home Physical Medicine");
        assertThat(letter).as("the letter carries the clinical text").contains(clinical.getFirst());
        assertThat(log.getAll()).as("the application ran and logged").contains("Rebuilt the engine state of");
        for (String text : clinical) {
            assertThat(log.getAll()).as("the log").doesNotContainIgnoringCase(text);
        }
    }
}
