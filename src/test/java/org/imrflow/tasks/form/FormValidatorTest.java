package org.imrflow.tasks.form;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class FormValidatorTest {

    private static final FormCatalog TEST_FORMS = new FormCatalog("classpath*:forms-test/*.form");
    private static final FormCatalog FORMS = new FormCatalog();

    private final FormValidator validator = new FormValidator();
    private final FormDefinition allTypes = TEST_FORMS.get("all-types");

    private static Map<String, Object> variables() {
        return Map.of("caseNumber", "CM25-0001", "region", "North",
                "ownerOptions", List.of(Map.of("label", "Dr. Ada Lee", "value", "r-1"),
                        Map.of("label", "Dr. Ben Ortiz", "value", 2)),
                "rows", List.of(Map.of("rowName", "First", "hidden", "kept"), Map.of("rowName", "Second")));
    }

    private static Map<String, Object> validSubmission() {
        Map<String, Object> submitted = new HashMap<>();
        submitted.put("name", "Ada Lee");
        submitted.put("story", "");
        submitted.put("count", "2.50");
        submitted.put("receivedOn", "2025-03-01");
        submitted.put("colour", "BLUE");
        submitted.put("owner", "2");
        submitted.put("size", "S");
        submitted.put("agreed", "on");
        submitted.put("rows", List.of(Map.of("answer", "YES", "checked", true), Map.of("answer", "NO")));
        return submitted;
    }

    @Test
    void acceptsAValidSubmissionWithTypedValues() {
        FormResult result = validator.validate(allTypes, validSubmission(), variables());

        assertThat(result.errors()).isEmpty();
        assertThat(result.values()).containsEntry("name", "Ada Lee")
                .containsEntry("story", null)
                .containsEntry("count", new BigDecimal("2.50"))
                .containsEntry("receivedOn", "2025-03-01")
                .containsEntry("colour", "BLUE")
                .containsEntry("owner", "2")
                .containsEntry("size", "S")
                .containsEntry("agreed", true)
                .containsEntry("caseNumber", "CM25-0001")
                .containsEntry("region", "North")
                .doesNotContainKey("ownerOptions");
        assertThat(result.values().get("rows")).isEqualTo(List.of(
                Map.of("rowName", "First", "hidden", "kept", "checked", true, "answer", "YES"),
                Map.of("rowName", "Second", "checked", false, "answer", "NO")));
    }

    @Test
    void wholeNumbersBecomeLongs() {
        Map<String, Object> submitted = validSubmission();
        submitted.put("count", 3);
        assertThat(validator.validate(allTypes, submitted, variables()).values()).containsEntry("count", 3L);
    }

    @Test
    void reportsMissingRequiredValuesByLabel() {
        Map<String, Object> submitted = validSubmission();
        submitted.put("name", "   ");
        submitted.remove("size");

        FormResult result = validator.validate(allTypes, submitted, variables());

        assertThat(result.errors()).containsExactly(entry("name", "Name is required."), entry("size", "Size is required."));
    }

    @Test
    void enforcesLengthsAndPattern() {
        Map<String, Object> submitted = validSubmission();
        submitted.put("name", "A");
        assertThat(validator.validate(allTypes, submitted, variables()).errors())
                .containsOnly(entry("name", "Name must be at least 2 characters."));
        submitted.put("name", "A".repeat(51));
        assertThat(validator.validate(allTypes, submitted, variables()).errors())
                .containsOnly(entry("name", "Name must be at most 50 characters."));
        submitted.put("name", "Ada 7");
        assertThat(validator.validate(allTypes, submitted, variables()).errors())
                .containsOnly(entry("name", "Name does not have the expected format."));
    }

    @Test
    void enforcesMaxLengthOfTheShippedCaseSummary() {
        FormDefinition reviewCase = FORMS.get("review-case");
        Map<String, Object> variables = Map.of("items", List.of(Map.of("itemId", 1, "description", "MRI")));
        Map<String, Object> submitted = Map.of("clinicalCaseSummary", "x".repeat(20_001),
                "items", List.of(Map.of("decision", "UPHELD")));

        assertThat(validator.validate(reviewCase, submitted, variables).errors())
                .containsOnly(entry("clinicalCaseSummary", "Clinical case summary must be at most 20000 characters."));
    }

    @Test
    void rejectsAnyTextOverTheGlobalLimit() {
        Map<String, Object> submitted = validSubmission();
        submitted.put("story", "x".repeat(100_001));
        assertThat(validator.validate(allTypes, submitted, variables()).errors())
                .containsOnly(entry("story", "Story must be at most 100000 characters."));
        submitted.put("story", "x".repeat(100_000));
        assertThat(validator.validate(allTypes, submitted, variables()).errors()).isEmpty();
    }

    @Test
    void rejectsValuesOutsideTheOptions() {
        FormDefinition reviewCase = FORMS.get("review-case");
        Map<String, Object> variables = Map.of("items", List.of(Map.of("itemId", 1, "description", "MRI")));
        Map<String, Object> submitted = Map.of("clinicalCaseSummary", "Summary",
                "items", List.of(Map.of("decision", "MAYBE")));

        assertThat(validator.validate(reviewCase, submitted, variables).errors())
                .containsOnly(entry("items[0].decision", "Decision must be one of: Upheld, Overturned."));
    }

    @Test
    void takesSelectOptionsFromTheValuesKeyVariable() {
        Map<String, Object> submitted = validSubmission();
        submitted.put("owner", "r-9");
        assertThat(validator.validate(allTypes, submitted, variables()).errors())
                .containsOnly(entry("owner", "Owner must be one of: Dr. Ada Lee, Dr. Ben Ortiz."));

        FormDefinition assign = FORMS.get("assign-reviewer");
        Map<String, Object> options = Map.of("reviewerOptions", List.of(Map.of("label", "Dr. Lee", "value", "rev-7")));
        assertThat(validator.validate(assign, Map.of("reviewerId", "rev-7"), options).values())
                .containsEntry("reviewerId", "rev-7");
        assertThat(validator.validate(assign, Map.of("reviewerId", "rev-7"), Map.of()).errors())
                .containsOnly(entry("reviewerId", "Reviewer must be one of the offered choices."));
    }

    @Test
    void requiresExactlyTheRowsOfTheTaskVariables() {
        Map<String, Object> submitted = validSubmission();
        submitted.put("rows", List.of(Map.of("answer", "YES")));
        assertThat(validator.validate(allTypes, submitted, variables()).errors())
                .containsOnly(entry("rows", "Rows must have exactly 2 entries."));
        submitted.remove("rows");
        assertThat(validator.validate(allTypes, submitted, variables()).errors())
                .containsOnly(entry("rows", "Rows must have exactly 2 entries."));
        submitted.put("rows", "not a list");
        assertThat(validator.validate(allTypes, submitted, variables()).errors()).containsKey("rows");
    }

    @Test
    void readonlyValuesComeFromTheVariablesEvenIfSubmittedDifferently() {
        Map<String, Object> submitted = validSubmission();
        submitted.put("caseNumber", "TAMPERED");
        submitted.put("region", "TAMPERED");
        submitted.put("extra", "dropped");
        submitted.put("rows", List.of(Map.of("rowName", "TAMPERED", "answer", "YES", "hidden", "TAMPERED"),
                Map.of("answer", "NO")));

        FormResult result = validator.validate(allTypes, submitted, variables());

        assertThat(result.errors()).isEmpty();
        assertThat(result.values()).containsEntry("caseNumber", "CM25-0001").containsEntry("region", "North")
                .doesNotContainKey("extra");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) result.values().get("rows");
        assertThat(rows.get(0)).containsEntry("rowName", "First").containsEntry("hidden", "kept");
    }

    @Test
    void reviewCaseKeepsReadonlyItemColumns() {
        FormDefinition reviewCase = FORMS.get("review-case");
        Map<String, Object> variables = Map.of("items", List.of(
                Map.of("itemId", 11, "description", "MRI lumbar spine"),
                Map.of("itemId", 12, "description", "Physical therapy x12")));
        Map<String, Object> submitted = Map.of("clinicalCaseSummary", "Summary", "items", List.of(
                Map.of("itemId", 99, "description", "changed", "decision", "UPHELD", "guidelineBasis", "MTUS"),
                Map.of("decision", "OVERTURNED", "guidelineBasis", "", "decisionRationale", "Because.")));

        FormResult result = validator.validate(reviewCase, submitted, variables);

        assertThat(result.errors()).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) result.values().get("items");
        assertThat(items.get(0)).containsEntry("itemId", 11).containsEntry("description", "MRI lumbar spine")
                .containsEntry("decision", "UPHELD").containsEntry("guidelineBasis", "MTUS");
        assertThat(items.get(1)).containsEntry("itemId", 12).containsEntry("decision", "OVERTURNED")
                .containsEntry("guidelineBasis", null).containsEntry("decisionRationale", "Because.");
    }

    @Test
    void parsesNumbersAndDates() {
        Map<String, Object> submitted = validSubmission();
        submitted.put("count", "many");
        submitted.put("receivedOn", "01/03/2025");
        assertThat(validator.validate(allTypes, submitted, variables()).errors()).containsOnly(
                entry("count", "Count must be a number."),
                entry("receivedOn", "Received on must be a date in the form yyyy-mm-dd."));

        submitted.put("count", "0.5");
        submitted.put("receivedOn", "2025-02-30");
        assertThat(validator.validate(allTypes, submitted, variables()).errors()).containsOnly(
                entry("count", "Count must be at least 1."),
                entry("receivedOn", "Received on must be a date in the form yyyy-mm-dd."));

        submitted.put("count", "1E+999999999");
        assertThat(validator.validate(allTypes, submitted, variables()).errors())
                .containsEntry("count", "Count is too large or has too many decimals.");

        submitted.put("count", "11");
        submitted.put("receivedOn", null);
        assertThat(validator.validate(allTypes, submitted, variables()).errors())
                .containsOnly(entry("count", "Count must be at most 10."));
    }

    @Test
    void checkboxAcceptsBooleansAndHtmlValuesOnly() {
        Map<String, Object> submitted = validSubmission();
        submitted.put("agreed", "true");
        assertThat(validator.validate(allTypes, submitted, variables()).values()).containsEntry("agreed", true);
        submitted.put("agreed", false);
        assertThat(validator.validate(allTypes, submitted, variables()).values()).containsEntry("agreed", false);
        submitted.remove("agreed");
        assertThat(validator.validate(allTypes, submitted, variables()).values()).containsEntry("agreed", false);
        submitted.put("agreed", "yes please");
        assertThat(validator.validate(allTypes, submitted, variables()).errors()).containsKey("agreed");
    }

    @Test
    void rejectsStructuredValuesForScalarFields() {
        Map<String, Object> submitted = validSubmission();
        submitted.put("name", Map.of("first", "Ada"));
        assertThat(validator.validate(allTypes, submitted, variables()).errors())
                .containsOnly(entry("name", "Name must be a single value."));
    }

    @Test
    void rejectsControlCharactersAndLineBreaksInOneLineText() {
        Map<String, Object> submitted = validSubmission();
        submitted.put("name", "Ada\u0000 Lee");
        submitted.put("story", "first line\r\nsecond\u0001");
        assertThat(validator.validate(allTypes, submitted, variables()).errors()).containsOnly(
                entry("name", "Name: Must not contain control characters such as NUL."),
                entry("story", "Story: Must not contain control characters such as NUL."));
        submitted.put("name", "Ada\nLee");
        submitted.put("story", "first line\r\nsecond");
        assertThat(validator.validate(allTypes, submitted, variables()).errors())
                .containsOnly(entry("name", "Name: Must be a single line."));
    }

    @Test
    void takesEachFieldOnlyInItsOwnJsonType() {
        Map<String, Object> submitted = validSubmission();
        submitted.put("name", 42);
        submitted.put("agreed", 1);
        submitted.put("count", true);
        submitted.put("receivedOn", 20250301);
        submitted.put("colour", false);
        assertThat(validator.validate(allTypes, submitted, variables()).errors()).containsOnly(
                entry("name", "Name must be text."),
                entry("agreed", "Agreed must be checked or unchecked."),
                entry("count", "Count must be a number."),
                entry("receivedOn", "Received on must be a date in the form yyyy-mm-dd."),
                entry("colour", "Colour must be one of the offered choices."));
    }

    @Test
    void refusesImplausibleDates() {
        Map<String, Object> submitted = validSubmission();
        submitted.put("receivedOn", "0000-01-01");
        assertThat(validator.validate(allTypes, submitted, variables()).errors())
                .containsOnlyKeys("receivedOn");
    }
}
