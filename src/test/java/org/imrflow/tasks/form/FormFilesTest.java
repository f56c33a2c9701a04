package org.imrflow.tasks.form;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped forms in the top-level forms/ folder. */
class FormFilesTest {

    private static final Path FORMS = Path.of("forms");

    @Test
    void everyFormParsesWithAnIdEqualToItsFileNameAndOnlySupportedTypes() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(FORMS)) {
            files = listing.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(files).hasSize(9);
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            FormDefinition form;
            try (InputStream in = Files.newInputStream(file)) {
                form = FormParser.parse(in, file.toString());
            }
            assertThat(form.id()).isEqualTo(file.getFileName().toString().replace(".form", ""));
            assertThat(ids.add(form.id())).as("unique id %s", form.id()).isTrue();
            assertThat(allComponents(form.components()))
                    .allSatisfy(c -> assertThat(FormComponent.SUPPORTED_TYPES).contains(c.type()));
        }
        assertThat(ids).as("one form for each user task of the process models").isEqualTo(formKeysOfTheModels());
    }

    private static Set<String> formKeysOfTheModels() throws IOException {
        Set<String> keys = new HashSet<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                java.util.regex.Matcher formKey = java.util.regex.Pattern.compile("formKey=\"([^\"]+)\"")
                        .matcher(Files.readString(model));
                while (formKey.find()) {
                    keys.add(formKey.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void componentIdsAreUniqueWithinEachForm() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (Stream<Path> listing = Files.list(FORMS)) {
            for (Path file : listing.toList()) {
                List<String> componentIds = mapper.readTree(file.toFile()).findValuesAsText("id");
                // the form's own id is among them; every component id must still be distinct
                assertThat(componentIds).as(file.toString()).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void reviewCaseHasTheDisputedItemsList() {
        FormDefinition form = new FormCatalog().get("review-case");
        FormComponent items = form.components().get(1);
        assertThat(items.type()).isEqualTo(FormComponent.DYNAMICLIST);
        assertThat(items.path()).isEqualTo("items");
        assertThat(items.components()).extracting(FormComponent::key).containsExactly("itemId", "description",
                "decision", "guidelineBasis", "mtusCitation", "nonMtusCitation", "mtusInapplicableReason",
                "decisionRationale");
        assertThat(items.components().get(0).readonly()).isTrue();
        assertThat(items.components().get(4).validate().required()).isFalse();
    }

    private static List<FormComponent> allComponents(List<FormComponent> components) {
        List<FormComponent> all = new ArrayList<>();
        for (FormComponent component : components) {
            all.add(component);
            all.addAll(allComponents(component.components()));
        }
        return all;
    }
}
