package org.imrflow.tasks.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Conversions shared by validation and rendering, so both read a value the same way. */
final class FormValues {

    private FormValues() {
    }

    /** A scalar as text; numbers in plain notation so 1E+1 never shows up on screen. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof java.time.temporal.TemporalAccessor;
    }

    static boolean isChecked(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value) || "on".equals(value);
    }

    /** The rows of a list variable; anything that is not a list of objects counts as no rows. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Object value) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object row : list) {
                rows.add(row instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
            }
        }
        return rows;
    }

    /** The options of a select or radio: static, or a list of {label, value} maps in the variable {@code valuesKey}. */
    static List<Option> options(FormComponent component, Map<String, ?> variables) {
        if (component.valuesKey() == null) {
            return component.values();
        }
        List<Option> options = new ArrayList<>();
        Object source = variables == null ? null : variables.get(component.valuesKey());
        if (source instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map && map.get("value") != null) {
                    Object label = map.get("label");
                    String value = text(map.get("value"));
                    options.add(new Option(label == null ? value : text(label), value));
                }
            }
        }
        return options;
    }

    static String rowPath(String listPath, int index, String key) {
        return listPath + "[" + index + "]." + key;
    }
}
