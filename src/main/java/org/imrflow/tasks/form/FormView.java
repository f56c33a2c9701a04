package org.imrflow.tasks.form;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link RenderedField} view model from a form, the values to show and the validation errors. */
public final class FormView {

    private FormView() {
    }

    /**
     * @param values what to fill in: the task variables, or {@link #valuesForRedisplay} after a failed submission;
     *               also the source of {@code valuesKey} options and of readonly and list row data
     * @param errors field path to message, as {@link FormResult#errors()}
     */
    public static List<RenderedField> fields(FormDefinition form, Map<String, ?> values, Map<String, String> errors) {
        Map<String, ?> shown = values == null ? Map.of() : values;
        Map<String, String> problems = errors == null ? Map.of() : errors;
        List<RenderedField> fields = new ArrayList<>();
        for (FormComponent component : form.components()) {
            if (FormComponent.DYNAMICLIST.equals(component.type())) {
                fields.add(list(component, shown, problems));
            } else {
                Object value = component.isField() ? shown.get(component.key()) : null;
                fields.add(field(component, component.key(), value, shown, problems));
            }
        }
        return fields;
    }

    /**
     * The values to show again after a rejected submission: the task variables with the submitted editable values
     * laid over them, so readonly data, list rows and options stay those of the task.
     */
    public static Map<String, Object> valuesForRedisplay(FormDefinition form, Map<String, Object> taskVariables,
                                                         Map<String, Object> submitted) {
        Map<String, Object> values = new LinkedHashMap<>(taskVariables == null ? Map.of() : taskVariables);
        Map<String, Object> input = submitted == null ? Map.of() : submitted;
        for (FormComponent component : form.components()) {
            if (FormComponent.DYNAMICLIST.equals(component.type())) {
                values.put(component.path(), overlayRows(component, values.get(component.path()),
                        input.get(component.path())));
            } else if (component.isField() && !component.readonly() && input.containsKey(component.key())) {
                values.put(component.key(), input.get(component.key()));
            }
        }
        return values;
    }

    private static List<Map<String, Object>> overlayRows(FormComponent list, Object variableRows, Object submitted) {
        List<Map<String, Object>> rows = FormValues.rows(variableRows);
        List<Map<String, Object>> input = FormValues.rows(submitted);
        List<Map<String, Object>> merged = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>(rows.get(i));
            if (i < input.size()) {
                for (FormComponent column : list.components()) {
                    if (column.isField() && !column.readonly() && input.get(i).containsKey(column.key())) {
                        row.put(column.key(), input.get(i).get(column.key()));
                    }
                }
            }
            merged.add(row);
        }
        return merged;
    }

    private static RenderedField list(FormComponent list, Map<String, ?> values, Map<String, String> errors) {
        List<RenderedRow> rows = new ArrayList<>();
        List<Map<String, Object>> data = FormValues.rows(values.get(list.path()));
        for (int i = 0; i < data.size(); i++) {
            rows.add(row(list, i, data.get(i), values, errors));
        }
        return new RenderedField("list", id(list.path()), null, list.displayLabel(), list.description(), false,
                null, false, List.of(), errorAt(errors, list.path()), List.of(), rows, null, null, null);
    }

    private static RenderedRow row(FormComponent list, int index, Map<String, Object> row, Map<String, ?> values,
                                   Map<String, String> errors) {
        String title = null;
        List<RenderedField> fields = new ArrayList<>();
        for (FormComponent column : list.components()) {
            String path = column.isField() ? FormValues.rowPath(list.path(), index, column.key()) : list.path();
            RenderedField field = field(column, path, column.isField() ? row.get(column.key()) : null, values, errors);
            if (title == null && column.isField() && column.readonly()) {
                // the first readonly field names the row; showing it again in the body would only repeat it
                title = field.label() + ": " + (field.value() == null ? "" : field.value());
            } else {
                fields.add(field);
            }
        }
        if (title == null) {
            title = list.displayLabel() + " " + (index + 1);
        }
        return new RenderedRow(title, list.path() + "[" + index + "]", fields);
    }

    private static RenderedField field(FormComponent component, String path, Object value, Map<String, ?> values,
                                       Map<String, String> errors) {
        if (FormComponent.TEXT.equals(component.type())) {
            return new RenderedField("text", null, null, null, null, false, null, false, List.of(), null,
                    paragraphs(component.text()), List.of(), null, null, null);
        }
        String id = id(path);
        List<RenderedOption> options = new ArrayList<>();
        String text = FormValues.text(value);
        String display = text;
        for (Option option : component.isChoice() ? FormValues.options(component, values) : List.<Option>of()) {
            boolean selected = option.value().equals(text);
            options.add(new RenderedOption(id + "-" + options.size(), option.label(), option.value(), selected));
            display = selected ? option.label() : display;
        }
        boolean checked = FormValues.isChecked(value);
        Validation rules = component.validate();
        if (component.readonly()) {
            if (FormComponent.CHECKBOX.equals(component.type())) {
                display = checked ? "Yes" : "No";
            }
            String kind = FormComponent.TEXTAREA.equals(component.type()) ? "readonly-textarea" : "readonly";
            return new RenderedField(kind, id, null, component.displayLabel(), component.description(), false,
                    display, checked, List.of(), errorAt(errors, path), List.of(), List.of(), null, null, null);
        }
        String kind = FormComponent.DATETIME.equals(component.type()) ? "date" : component.type();
        return new RenderedField(kind, id, path, component.displayLabel(), component.description(), rules.required(),
                text, checked, options, errorAt(errors, path), List.of(), List.of(), rules.maxLength(), rules.min(),
                rules.max());
    }

    /** Form-js text is markdown; it is shown as escaped plain paragraphs, heading marks dropped. */
    private static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\R\\s*\\R"))
                .map(p -> p.strip().replaceFirst("^#{1,6}\\s+", "").replaceAll("\\s*\\R\\s*", " "))
                .filter(p -> !p.isEmpty())
                .toList();
    }

    // immutable maps (Map.of) reject null keys, and the caller's errors map may be one
    private static String errorAt(Map<String, String> errors, String path) {
        return path == null ? null : errors.get(path);
    }

    /** An HTML id from a field path: {@code items[1].decision} becomes {@code field-items-1-decision}. */
    static String id(String path) {
        return "field-" + path.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-+$", "");
    }
}
