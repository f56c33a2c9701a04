package org.imrflow.tasks.form;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormParametersTest {

    private final FormCatalog forms = new FormCatalog();

    @Test
    void convertsListRowsAndDropsUnknownAndReadonlyParameters() {
        Map<String, String[]> parameters = new HashMap<>();
        parameters.put("_csrf", new String[] {"token"});
        parameters.put("clinicalCaseSummary", new String[] {"Summary"});
        parameters.put("items[0]", new String[] {""});
        parameters.put("items[0].decision", new String[] {"UPHELD"});
        parameters.put("items[0].itemId", new String[] {"99"});
        parameters.put("items[1]", new String[] {""});
        parameters.put("items[1].decision", new String[] {"OVERTURNED"});
        parameters.put("items[1].mtusCitation", new String[] {"ACOEM"});

        Map<String, Object> submitted = FormParameters.fromFormParameters(forms.get("review-case"), parameters);

        assertThat(submitted).containsOnlyKeys("clinicalCaseSummary", "items");
        assertThat(submitted.get("items")).isEqualTo(List.of(
                Map.of("decision", "UPHELD"),
                Map.of("decision", "OVERTURNED", "mtusCitation", "ACOEM")));
    }

    @Test
    void anUncheckedCheckboxIsFalse() {
        Map<String, String[]> parameters = Map.of("assignmentResponse", new String[] {"ACCEPT"});

        Map<String, Object> submitted =
                FormParameters.fromFormParameters(forms.get("accept-assignment"), parameters);

        assertThat(submitted).containsEntry("noConflictAttested", false).containsEntry("assignmentResponse", "ACCEPT");
        FormResult result = new FormValidator().validate(forms.get("accept-assignment"), submitted, Map.of());
        assertThat(result.errors()).isEmpty();
        assertThat(result.values()).containsEntry("noConflictAttested", false);
    }

    @Test
    void rowMarkersKeepRowsWithOnlyUncheckedBoxes() {
        FormDefinition allTypes = new FormCatalog("classpath*:forms-test/*.form").get("all-types");
        Map<String, String[]> parameters = Map.of("rows[0]", new String[] {""}, "rows[1]", new String[] {""},
                "rows[1].checked", new String[] {"true"}, "rows[99999]", new String[] {""});

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>)
                FormParameters.fromFormParameters(allTypes, parameters).get("rows");

        assertThat(rows).containsExactly(Map.of("checked", false), Map.of("checked", "true"));
    }

    @Test
    void htmlSubmissionValidatesEndToEnd() {
        FormDefinition reviewCase = forms.get("review-case");
        Map<String, String[]> parameters = Map.of("clinicalCaseSummary", new String[] {"Summary"},
                "items[0]", new String[] {""}, "items[0].decision", new String[] {"UPHELD"},
                "items[0].guidelineBasis", new String[] {""});
        Map<String, Object> variables = Map.of("items", List.of(Map.of("itemId", 5, "description", "MRI")));

        FormResult result = new FormValidator().validate(reviewCase,
                FormParameters.fromFormParameters(reviewCase, parameters), variables);

        assertThat(result.errors()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) result.values().get("items")).get(0);
        assertThat(item).containsEntry("itemId", 5).containsEntry("description", "MRI")
                .containsEntry("decision", "UPHELD").containsEntry("guidelineBasis", null)
                .containsEntry("decisionRationale", null);
    }
}
