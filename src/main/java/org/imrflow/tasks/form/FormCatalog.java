package org.imrflow.tasks.form;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Every form the application ships, keyed by form id. Loaded once at construction so that a broken form file
 * stops the start-up instead of failing the first user who opens the task.
 */
@Component
public class FormCatalog {

    public static final String DEFAULT_LOCATION = "classpath*:forms/*.form";

    private final Map<String, FormDefinition> forms;

    @Autowired
    public FormCatalog() {
        this(DEFAULT_LOCATION);
    }

    /** Loads the forms matching a Spring resource pattern; tests use it to point at their own forms. */
    public FormCatalog(String locationPattern) {
        this.forms = Map.copyOf(load(locationPattern));
    }

    /** The form with this id; a user task's form key is the form id. */
    public FormDefinition get(String formKey) {
        FormDefinition form = formKey == null ? null : forms.get(formKey);
        if (form == null) {
            throw new UnknownFormException(formKey);
        }
        return form;
    }

    public Collection<FormDefinition> all() {
        return forms.values();
    }

    private static Map<String, FormDefinition> load(String locationPattern) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list forms at " + locationPattern, e);
        }
        Map<String, FormDefinition> loaded = new HashMap<>();
        for (Resource resource : resources) {
            String source = resource.getDescription();
            FormDefinition form;
            try (InputStream in = resource.getInputStream()) {
                form = FormParser.parse(in, source);
            } catch (IOException e) {
                throw new InvalidFormException(source, "cannot be read", e);
            }
            if (loaded.putIfAbsent(form.id(), form) != null) {
                throw new InvalidFormException(source, "another form already has the id '" + form.id() + "'");
            }
        }
        return loaded;
    }
}
