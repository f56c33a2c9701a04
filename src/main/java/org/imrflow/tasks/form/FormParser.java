package org.imrflow.tasks.form;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads Camunda Form JSON and checks that everything in it is something the renderer and validator understand:
 * silently skipping an unsupported component would let a task complete without the data it asks for.
 */
public final class FormParser {

    // a private mapper: the application's mapper settings (e.g. null inclusion) must not change how forms read
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private FormParser() {
    }

    /** Parses and checks one form; {@code source} names the file in error messages. */
    public static FormDefinition parse(InputStream json, String source) {
        FormDefinition form;
        try {
            form = MAPPER.readValue(json, FormDefinition.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidFormException(source, e.getMessage(), e);
        }
        if (form == null || form.id() == null || form.id().isBlank()) {
            throw new InvalidFormException(source, "the form has no id");
        }
        checkComponents(form.components(), source, false, new HashSet<>());
        return form;
    }

    private static void checkComponents(List<FormComponent> components, String source, boolean inList,
                                        Set<String> keys) {
        for (FormComponent component : components) {
            String type = component.type();
            if (!FormComponent.SUPPORTED_TYPES.contains(type)) {
                throw new InvalidFormException(source, "unsupported component type '" + type + "'");
            }
            if (FormComponent.DYNAMICLIST.equals(type)) {
                checkList(component, source, inList, keys);
            } else if (component.isField()) {
                checkField(component, source, keys);
            }
        }
    }

    private static void checkList(FormComponent list, String source, boolean inList, Set<String> keys) {
        if (inList) {
            throw new InvalidFormException(source, "nested dynamic lists are not supported");
        }
        requireName(list.path(), "dynamiclist without a path", source, keys);
        if (list.components().isEmpty()) {
            throw new InvalidFormException(source, "dynamiclist '" + list.path() + "' has no components");
        }
        // row keys live in their own namespace: each row is a separate object
        checkComponents(list.components(), source, true, new HashSet<>());
    }

    private static void checkField(FormComponent field, String source, Set<String> keys) {
        requireName(field.key(), field.type() + " component without a key", source, keys);
        if (field.isChoice() && field.values().isEmpty() && field.valuesKey() == null) {
            throw new InvalidFormException(source, "'" + field.key() + "' has neither values nor a valuesKey");
        }
        String pattern = field.validate().pattern();
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new InvalidFormException(source, "'" + field.key() + "' has an invalid pattern", e);
            }
        }
    }

    private static void requireName(String name, String problem, String source, Set<String> keys) {
        if (name == null || name.isBlank()) {
            throw new InvalidFormException(source, problem);
        }
        if (!keys.add(name)) {
            throw new InvalidFormException(source, "key '" + name + "' is used twice");
        }
    }
}
