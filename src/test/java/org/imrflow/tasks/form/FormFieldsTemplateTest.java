package org.imrflow.tasks.form;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the fragment with a standalone engine. The Spring engine is used for its SpEL dialect, which is what the
 * application runs with (OGNL is not on the classpath); no application context is needed.
 */
class FormFieldsTemplateTest {

    private static final FormCatalog FORMS = new FormCatalog();
    private static final FormDefinition ALL_TYPES = new FormCatalog("classpath*:forms-test/*.form").get("all-types");

    private static final String PAGE = """
            <form method="post" action="/tasks/1"><input type="hidden" name="_csrf" value="token">
            <div th:replace="~{tasks/form-fields :: fields(${form}, ${values}, ${errors})}"></div>
            </form>""";

    private final SpringTemplateEngine engine = engine();

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(1);
        // the page under test is given inline, as the task page will include the fragment
        StringTemplateResolver page = new StringTemplateResolver();
        page.setTemplateMode(TemplateMode.HTML);
        page.setOrder(2);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver);
        engine.addTemplateResolver(page);
        return engine;
    }

    private String render(FormDefinition form, Map<String, ?> values, Map<String, String> errors) {
        Context context = new Context();
        // the evaluation context Spring MVC installs, with Thymeleaf 3.1's restrictions on what expressions may call
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(new StaticApplicationContext(), null));
        context.setVariable("form", form);
        context.setVariable("values", values);
        context.setVariable("errors", errors);
        return engine.process(PAGE, context);
    }

    @Test
    void rendersReviewCaseRowsWithErrorsAndWithoutNamesOnReadonlyFields() {
        Map<String, Object> values = Map.of(
                "clinicalCaseSummary", "Patient <script>alert(1)</script> & co",
                "items", List.of(
                        Map.of("itemId", 11, "description", "MRI <lumbar> spine", "decision", "UPHELD"),
                        Map.of("itemId", 12, "description", "Physical therapy x12")));
        Map<String, String> errors = Map.of("items[1].decision", "Decision is required.");

        String html = render(FORMS.get("review-case"), values, errors);

        assertThat(html).contains("name=\"clinicalCaseSummary\"")
                .contains("Patient &lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
                .doesNotContain("<script>")
                .contains("name=\"items[0].decision\"").contains("name=\"items[1].decision\"")
                .contains("name=\"items[0]\"").contains("name=\"items[1]\"")
                .contains("name=\"items[1].guidelineBasis\"")
                .contains("Decision is required.")
                .contains("MRI &lt;lumbar&gt; spine")
                .contains("Item id: 11").contains("Item id: 12")
                .contains("class=\"card mb-3\"")
                .doesNotContain("name=\"items[0].itemId\"").doesNotContain("name=\"items[0].description\"")
                .doesNotContain("[[").doesNotContain("th:");
        assertThat(tag(html, "input", "field-items-0-description")).contains("readonly").doesNotContain("name=");
        assertThat(tag(html, "input", "field-items-1-decision-0")).contains("is-invalid");
        assertThat(tag(html, "input", "field-items-0-decision-1")).doesNotContain("is-invalid");
        assertThat(tag(html, "input", "field-items-0-decision-0")).contains("value=\"UPHELD\"").contains("checked");
        assertThat(html).contains("id=\"field-items-1-decision-error\"");
        assertThat(tag(html, "textarea", "field-clinicalCaseSummary")).contains("maxlength=\"20000\"")
                .contains("aria-required=\"true\"");
    }

    @Test
    void rendersEveryComponentType() {
        Map<String, Object> values = Map.of("name", "Ada", "count", new java.math.BigDecimal("2.50"),
                "receivedOn", "2025-03-01", "colour", "BLUE", "owner", "r-2", "agreed", true,
                "caseNumber", "CM25-0001", "region", "North",
                "ownerOptions", List.of(Map.of("label", "Dr. A & B", "value", "r-1"), Map.of("label", "Dr. C", "value", "r-2")),
                "rows", List.of(Map.of("rowName", "First")));
        Map<String, String> errors = Map.of("count", "Count must be at most 10.", "rows[0].answer", "Answer is required.");

        String html = render(ALL_TYPES, values, errors);

        assertThat(html).contains("<p>Heading</p>")
                .contains("<p>First paragraph with &lt;b&gt;markup&lt;/b&gt; wrapped.</p>")
                .contains("<p>Second paragraph.</p>")
                .contains("Full name")
                .contains("Dr. A &amp; B")
                .contains("Row name: First")
                .contains("name=\"rows[0].checked\"")
                .contains("Count must be at most 10.").contains("Answer is required.");
        assertThat(tag(html, "input", "field-name")).contains("class=\"form-control\"").contains("value=\"Ada\"")
                .contains("aria-required=\"true\"").contains("maxlength=\"50\"");
        assertThat(tag(html, "input", "field-count")).contains("type=\"number\"").contains("value=\"2.50\"")
                .contains("min=\"1\"").contains("max=\"10\"").contains("form-control is-invalid")
                .contains("aria-describedby=\"field-count-error\"");
        assertThat(tag(html, "input", "field-receivedOn")).contains("type=\"date\"").contains("value=\"2025-03-01\"");
        assertThat(tag(html, "select", "field-colour")).contains("form-select").doesNotContain("aria-required");
        assertThat(html).containsPattern("<option value=\"BLUE\" selected=\"selected\">Blue</option>")
                .containsPattern("<option value=\"r-2\" selected=\"selected\">Dr. C</option>");
        assertThat(tag(html, "input", "field-agreed")).contains("type=\"checkbox\"").contains("checked")
                .contains("name=\"agreed\"");
        assertThat(tag(html, "input", "field-caseNumber")).contains("value=\"CM25-0001\"").doesNotContain("name=");
        assertThat(tag(html, "input", "field-region")).contains("readonly").doesNotContain("name=");
    }

    @Test
    void rendersNothingBrokenWithoutValuesOrErrors() {
        String html = render(FORMS.get("assign-reviewer"), null, null);
        assertThat(html).contains("name=\"reviewerId\"").contains("Choose…").doesNotContain("is-invalid");
        assertThat(render(FORMS.get("review-case"), Map.of(), Map.of())).contains("No entries.");
    }

    @Test
    void redisplayKeepsTaskDataAndShowsTheSubmission() {
        FormDefinition reviewCase = FORMS.get("review-case");
        Map<String, Object> variables = Map.of("items", List.of(Map.of("itemId", 1, "description", "MRI")));
        Map<String, Object> submitted = Map.of("clinicalCaseSummary", "Draft",
                "items", List.of(Map.of("decision", "OVERTURNED", "description", "tampered")));

        String html = render(reviewCase, FormView.valuesForRedisplay(reviewCase, variables, submitted), Map.of());

        assertThat(html).contains(">Draft</textarea>").contains("value=\"MRI\"").doesNotContain("tampered");
        assertThat(tag(html, "input", "field-items-0-decision-1")).contains("checked");
    }

    /** The opening tag of the element with this id. */
    private static String tag(String html, String element, String id) {
        Matcher matcher = Pattern.compile("<" + element + "\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(matcher.find()).as("<%s id=%s> in%n%s", element, id, html).isTrue();
        return matcher.group();
    }
}
