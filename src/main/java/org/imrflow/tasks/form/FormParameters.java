package org.imrflow.tasks.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the parameters of a submitted HTML form into the nested structure {@link FormValidator} expects.
 * Parameter names are the field keys, and {@code path[i].key} inside a dynamic list; the renderer also emits a
 * bare {@code path[i]} marker per row so that a row with nothing editable filled in still counts as a row.
 */
public final class FormParameters {

    // a bound on the rows built from parameter indexes, so that items[99999999] cannot allocate a huge list
    static final int MAX_ROWS = 1_000;

    private FormParameters() {
    }

    public static Map<String, Object> fromFormParameters(FormDefinition form, Map<String, String[]> parameters) {
        Map<String, Object> submitted = new LinkedHashMap<>();
        for (FormComponent component : form.components()) {
            if (FormComponent.DYNAMICLIST.equals(component.type())) {
                submitted.put(component.path(), rows(component, parameters));
            } else if (component.isField() && !component.readonly()) {
                put(submitted, component, parameters.get(component.key()));
            }
        }
        return submitted;
    }

    private static List<Map<String, Object>> rows(FormComponent list, Map<String, String[]> parameters) {
        Pattern name = Pattern.compile(Pattern.quote(list.path()) + "\\[(\\d{1,9})](?:\\.(.+))?");
        int count = 0;
        for (String parameter : parameters.keySet()) {
            Matcher matcher = name.matcher(parameter);
            if (matcher.matches()) {
                int index = Integer.parseInt(matcher.group(1));
                if (index < MAX_ROWS) {
                    count = Math.max(count, index + 1);
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (FormComponent column : list.components()) {
                if (column.isField() && !column.readonly()) {
                    put(row, column, parameters.get(FormValues.rowPath(list.path(), i, column.key())));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static void put(Map<String, Object> target, FormComponent field, String[] values) {
        String value = values == null || values.length == 0 ? null : values[0];
        if (FormComponent.CHECKBOX.equals(field.type())) {
            // browsers send nothing for an unchecked box
            target.put(field.key(), value == null ? Boolean.FALSE : value);
        } else if (value != null) {
            target.put(field.key(), value);
        }
    }
}
