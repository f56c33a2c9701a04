package org.imrflow.tasks.form;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed Camunda Form; {@code id} is the form key user tasks refer to. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FormDefinition(String id, List<FormComponent> components) {

    public FormDefinition {
        components = components == null ? List.of() : List.copyOf(components);
    }

    /**
     * The view model the Thymeleaf fragment iterates over. It lives here because the fragment receives only the
     * definition and Thymeleaf 3.1 discourages static calls from templates; instance calls work with SpEL and OGNL.
     */
    /** The variable names the form reads: its fields' keys, option lists and repeating groups' paths. */
    public Set<String> variableNames() {
        Set<String> names = new HashSet<>();
        collect(components, names);
        return names;
    }

    private static void collect(List<FormComponent> components, Set<String> names) {
        for (FormComponent component : components) {
            for (String name : new String[] {component.key(), component.valuesKey(), component.path()}) {
                if (name != null) {
                    names.add(name);
                }
            }
        }
    }

    public List<RenderedField> fieldsFor(Map<String, ?> values, Map<String, String> errors) {
        return FormView.fields(this, values, errors);
    }
}
