package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrflow.support.Applications.PHYSICAL_THERAPY;
import static org.imrflow.support.Applications.PSYCHOLOGY;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.imrflow.support.PdfText;
import org.junit.jupiter.api.Test;

/**
 * A case with a partial approval and a non-MTUS basis goes from intake to the mailed Final Determination Letter,
 * its delivery log and its released public copy, through the API.
 */
class LettersIT extends ApplicationIT {

    static final String ODG = Applications.ODG;

    @Test
    void aPartialApprovalAndANonMtusBasisReachTheMailedLetterTheDeliveryLogAndThePublicCopy() {
        ImrClient coordinator = as("coordinator");
        ImrClient anyone = ImrClient.anonymous("http://localhost:" + port);
        String caseNumber = coordinator.receiveForReview(Applications.seed001PartlyApproved());
        coordinator.assignReviewer(caseNumber, "Riley");
        ImrClient reviewer = as("reviewer");
        reviewer.acceptAssignment(caseNumber);
        reviewer.workOk(caseNumber, "Task_ReviewCase", review(coordinator.itemId(caseNumber, PSYCHOLOGY),
                coordinator.itemId(caseNumber, PHYSICAL_THERAPY)));
        as("director").workOk(caseNumber, "Task_QualityReview", Map.of("qaDecision", "APPROVE"));
        JsonNode file = coordinator.awaitStage(caseNumber, "DECIDED");

        // the mailed letter: cover, findings, appeal rights, the public letter, documents, service list
        JsonNode letter = letter(file, "FINAL_DETERMINATION");
        assertThat(letter.get("templateVersion").asText()).isEqualTo("2016");
        String text = coordinator.get("/api/cases/" + caseNumber + "/letters/" + letter.get("id").asText()).body();
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).containsSubsequence("Golden State Medical Review",
                "NOTICE OF INDEPENDENT MEDICAL REVIEW FINAL DETERMINATION", "Dale Detailer", "1200 J Street",
                "Lee Advocate, Esq.", "100 Main Street", "Case Number: " + caseNumber, "Claim Number: SC-2011-0527",
                "SUMMARY OF FINDINGS", "APPEAL RIGHTS", "HOW THE IMR FINAL DETERMINATION WAS MADE",
                "DOCUMENTS REVIEWED", "CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND RATIONALES",
                PSYCHOLOGY + " was the original request. Chronic pain psychology evaluation was authorized by the "
                        + "Claims Administrator. The remaining IMR eligible portion of the original request, six "
                        + "sessions of treatment is: Upheld",
                "Claims Administrator guideline: The Claims Administrator based their decision on recommendation(s) "
                        + "outside of the MTUS Guidelines. Decision based on Non-MTUS Citation " + ODG + ".",
                "GSMR guideline: The Expert Reviewer based their decision on recommendation(s) outside of the MTUS "
                        + "Guidelines. Decision based on Non-MTUS Citation " + ODG + ".",
                PHYSICAL_THERAPY + ": Overturned",
                "Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 98.",
                "Sincerely,", "SERVICE LIST", "Employee: Dale Detailer (by mail)",
                "Employee's representative: Lee Advocate, Esq. (by mail)");
        assertThat(lines).anyMatch(l -> l.startsWith("1) Golden State Medical Review has determined the remaining IMR "
                + "eligible portion of the request for " + PSYCHOLOGY + ", six sessions of treatment, is not medically"));
        assertThat(PdfText.collapsed(PdfText.of(coordinator.bytes("/api/cases/" + caseNumber + "/letters/"
                + letter.get("id").asText() + "/pdf")))).contains("SUMMARY OF FINDINGS", "SERVICE LIST");

        // the delivery log: the notice of assignment and the letter, to each of the five parties
        List<JsonNode> deliveries = list(coordinator.get("/api/cases/" + caseNumber + "/deliveries").json());
        assertThat(deliveries).hasSize(10);
        JsonNode toEmployee = deliveries.stream().filter(d -> d.get("letterId").asLong() == letter.get("id").asLong()
                && d.get("recipientRole").asText().equals("Employee")).findFirst().orElseThrow();
        assertThat(toEmployee.get("method").asText()).isEqualTo("MAIL");
        assertThat(toEmployee.get("recipientAddress").asText()).isEqualTo("1200 J Street\nSacramento, CA 95814");
        String receipt = "/api/cases/" + caseNumber + "/deliveries/" + toEmployee.get("id").asText() + "/receipt";
        String today = Applications.today().toString();
        assertThat(coordinator.post(receipt, Map.of("receivedOn", Applications.today().plusDays(1).toString())).json()
                .path("errors").has("receivedOn")).isTrue();
        assertThat(as("reviewer").post(receipt, Map.of("receivedOn", today)).status()).isEqualTo(403);
        assertThat(coordinator.post(receipt, Map.of("receivedOn", Applications.today().minusDays(1).toString())).json()
                .path("errors").has("receivedOn")).as("received before it was sent").isTrue();
        assertThat(coordinator.post(receipt, Map.of("receivedOn", today)).json().get("receivedOn").asText()).isEqualTo(today);
        assertThat(coordinator.post(receipt, Map.of("receivedOn", today)).status()).isEqualTo(200);

        // the public copy: prepared, reviewed, names removed, released once, then public
        JsonNode copy = awaitPublicCopy(coordinator, caseNumber);
        assertThat(copy.has("releasedAt")).isFalse();
        assertThat(anyone.get("/api/public/decisions/" + caseNumber).status()).isEqualTo(404);
        String preview = coordinator.get("/api/cases/" + caseNumber + "/public-copy/text").body();
        assertThat(preview).contains("IMR ISSUES, DECISIONS AND RATIONALES", "Riverside Clinic", "six sessions")
                .doesNotContain("Detailer", "Pat Treating", "Treating on", "Lee Advocate", "Shine Auto",
                        "Golden Claims", "SC-2011-0527", "Kim Stone", "SUMMARY OF FINDINGS", "SERVICE LIST", "1200 J");
        assertThat(as("reviewer").post("/api/cases/" + caseNumber + "/public-copy/release", Map.of()).status())
                .isEqualTo(403);
        assertThat(coordinator.post("/api/cases/" + caseNumber + "/public-copy/redactions", Map.of("names", List.of(" ")))
                .json().path("errors").has("names")).isTrue();
        assertThat(coordinator.post("/api/cases/" + caseNumber + "/public-copy/redactions",
                Map.of("names", List.of("Riverside Clinic"))).status()).isEqualTo(200);
        JsonNode released = coordinator.post("/api/cases/" + caseNumber + "/public-copy/release", Map.of()).json();
        assertThat(released.get("releasedBy").asText()).isEqualTo("coordinator");
        JsonNode again = coordinator.post("/api/cases/" + caseNumber + "/public-copy/release", Map.of()).json();
        assertThat(again.get("releasedAt").asText()).isEqualTo(released.get("releasedAt").asText());
        assertThat(coordinator.post("/api/cases/" + caseNumber + "/public-copy/redactions",
                Map.of("names", List.of("Someone Else"))).status()).isEqualTo(409);
        assertThat(letterKinds(coordinator.get("/api/cases/" + caseNumber).json()))
                .containsExactly("NOTICE_OF_ASSIGNMENT", "FINAL_DETERMINATION", "PUBLIC_COPY");

        String published = anyone.get("/api/public/decisions/" + caseNumber + "/text").body();
        assertThat(published).contains("HOW THE IMR FINAL DETERMINATION WAS MADE", "Case Number: " + caseNumber)
                .doesNotContain("Riverside Clinic", "Detailer", "Kim Stone");
        JsonNode found = anyone.get("/api/public/decisions?caseNumber=" + caseNumber).json();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("outcome").asText()).isEqualTo("PARTIALLY_OVERTURNED");
        assertThat(found.get(0).get("specialty").asText()).contains("Psychiatry");
        assertThat(anyone.get("/api/public/decisions?caseNumber=" + caseNumber + "&category=BEHAVIORAL_HEALTH&decidedFrom="
                + today + "&specialty=psych").json()).hasSize(1);
        assertThat(anyone.get("/api/public/decisions?caseNumber=" + caseNumber + "&outcome=UPHELD").json()).isEmpty();
        assertThat(anyone.get("/api/public/decisions?caseNumber=" + caseNumber + "&category=SURGERY").json()).isEmpty();
        ImrClient.Response backwards = anyone.get("/api/public/decisions?decidedFrom=" + today + "&decidedTo="
                + Applications.today().minusDays(1));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("errors").has("decidedTo")).isTrue();
        assertThat(anyone.get("/api/public/decisions?outcome=MAYBE").status()).isEqualTo(400);
        assertThat(anyone.get("/api/cases/" + caseNumber + "/public-copy").status()).isEqualTo(401);
    }

    private static Map<String, Object> review(long psychologyItemId, long physicalTherapyItemId) {
        return Map.of("clinicalCaseSummary", Applications.SEED_001_SUMMARY
                        + " He was seen at Riverside Clinic by Dr. Kim Stone on 9/12/13.",
                "items", List.of(
                        Map.of("itemId", psychologyItemId, "decision", "UPHELD", "guidelineBasis", "NON_MTUS",
                                "nonMtusCitation", ODG,
                                "mtusInapplicableReason", "CONDITION_NOT_ADDRESSED",
                                "decisionRationale", "The evaluation was authorized; six sessions of treatment exceed "
                                        + "the initial trial the guideline recommends before objective improvement."),
                        Map.of("itemId", physicalTherapyItemId, "decision", "OVERTURNED", "guidelineBasis", "MTUS",
                                "mtusCitation", "Chronic Pain Treatment Guidelines Physical Therapy Page(s): 98-99",
                                "decisionRationale", "Six visits are within the guideline and medically necessary.")));
    }

    private static JsonNode awaitPublicCopy(ImrClient coordinator, String caseNumber) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            ImrClient.Response copy = coordinator.get("/api/cases/" + caseNumber + "/public-copy");
            if (copy.status() == 200) {
                return copy.json();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("The public copy of " + caseNumber + " was never prepared");
    }

    private static JsonNode letter(JsonNode file, String kind) {
        for (JsonNode letter : file.path("letters")) {
            if (letter.get("kind").asText().equals(kind)) {
                return letter;
            }
        }
        throw new AssertionError("No letter " + kind);
    }

    private static List<String> letterKinds(JsonNode file) {
        return file.path("letters").findValuesAsText("kind");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
