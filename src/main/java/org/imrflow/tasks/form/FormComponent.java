package org.imrflow.tasks.form;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Set;

/**
 * One component of a Camunda Form. {@code components} and {@code path} are only used by a {@code dynamiclist},
 * whose nested keys are relative to one row object of the list variable named by {@code path}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FormComponent(String type, String key, String label, String description, String text,
                            boolean readonly, Validation validate, List<Option> values, String valuesKey,
                            List<FormComponent> components, String path) {

    public static final String TEXTFIELD = "textfield";
    public static final String TEXTAREA = "textarea";
    public static final String NUMBER = "number";
    public static final String DATETIME = "datetime";
    public static final String SELECT = "select";
    public static final String RADIO = "radio";
    public static final String CHECKBOX = "checkbox";
    public static final String TEXT = "text";
    public static final String DYNAMICLIST = "dynamiclist";

    public static final Set<String> SUPPORTED_TYPES =
            Set.of(TEXTFIELD, TEXTAREA, NUMBER, DATETIME, SELECT, RADIO, CHECKBOX, TEXT, DYNAMICLIST);

    public FormComponent {
        validate = validate == null ? Validation.NONE : validate;
        values = values == null ? List.of() : List.copyOf(values);
        components = components == null ? List.of() : List.copyOf(components);
    }

    /**
     * Maps the form-js JSON: a datetime field names its label {@code dateLabel}, and {@code disabled} fields are
     * treated as readonly because neither may be changed by the person completing the task. A readonly FEEL
     * expression (a string) fails to bind on purpose: conditional read-only state is not supported.
     */
    @JsonCreator
    static FormComponent fromJson(@JsonProperty("type") String type, @JsonProperty("key") String key,
                                  @JsonProperty("label") String label, @JsonProperty("dateLabel") String dateLabel,
                                  @JsonProperty("description") String description, @JsonProperty("text") String text,
                                  @JsonProperty("readonly") boolean readonly, @JsonProperty("disabled") boolean disabled,
                                  @JsonProperty("validate") Validation validate,
                                  @JsonProperty("values") List<Option> values,
                                  @JsonProperty("valuesKey") String valuesKey,
                                  @JsonProperty("components") List<FormComponent> components,
                                  @JsonProperty("path") String path, @JsonProperty("subtype") String subtype) {
        if (DATETIME.equals(type) && !"date".equals(subtype)) {
            throw new IllegalArgumentException("datetime component '" + key + "' must have subtype \"date\"; "
                    + "time and date-time fields are not supported");
        }
        return new FormComponent(type, key, label != null ? label : dateLabel, description, text,
                readonly || disabled, validate, values, valuesKey, components, path);
    }

    /** The label used in messages and on screen; falls back to the key so no field is ever unnamed. */
    public String displayLabel() {
        if (label != null && !label.isBlank()) {
            return label;
        }
        return key != null ? key : path;
    }

    /** Whether the component holds a value of its own (static text and lists do not). */
    public boolean isField() {
        return !TEXT.equals(type) && !DYNAMICLIST.equals(type);
    }

    public boolean isChoice() {
        return SELECT.equals(type) || RADIO.equals(type);
    }
}
