package org.imrflow.tasks.form;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormCatalogTest {

    @Test
    void loadsFormsByIdAndRejectsUnknownKeys() {
        FormCatalog catalog = new FormCatalog("classpath*:forms-test/*.form");
        FormDefinition form = catalog.get("all-types");
        assertThat(form.components()).hasSize(12);
        FormComponent date = form.components().get(4);
        assertThat(date.label()).as("dateLabel is the label of a datetime").isEqualTo("Received on");
        assertThat(form.components().get(10).readonly()).as("disabled counts as readonly").isTrue();
        assertThatThrownBy(() -> catalog.get("nope")).isInstanceOf(UnknownFormException.class).hasMessageContaining("nope");
    }

    @Test
    void loadsTheShippedForms() {
        assertThat(new FormCatalog().all()).hasSize(9);
    }

    @Test
    void unsupportedTypeFailsNamingTheFile() {
        assertThatThrownBy(() -> parse("""
                {"id":"x","components":[{"type":"group","id":"Field_g","key":"g"}]}"""))
                .isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("broken.form").hasMessageContaining("unsupported component type 'group'");
    }

    @Test
    void invalidJsonFailsNamingTheFile() {
        assertThatThrownBy(() -> parse("{\"id\": \"x\", \"components\": [")).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("broken.form");
    }

    @Test
    void datetimeMustBeADate() {
        assertThatThrownBy(() -> parse("""
                {"id":"x","components":[{"type":"datetime","subtype":"datetime","key":"at"}]}"""))
                .isInstanceOf(InvalidFormException.class).hasMessageContaining("subtype");
    }

    @Test
    void fieldsNeedUniqueKeys() {
        assertThatThrownBy(() -> parse("""
                {"id":"x","components":[{"type":"textfield","key":"a"},{"type":"textarea","key":"a"}]}"""))
                .isInstanceOf(InvalidFormException.class).hasMessageContaining("'a' is used twice");
        assertThatThrownBy(() -> parse("""
                {"id":"x","components":[{"type":"textfield"}]}"""))
                .isInstanceOf(InvalidFormException.class).hasMessageContaining("without a key");
    }

    private static FormDefinition parse(String json) {
        return FormParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "broken.form");
    }
}
