package org.imrflow.tasks.form;

import org.imrflow.InputPolicy;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates a task submission against its form on the server, whatever the browser did. Only editable fields are
 * taken from the submission; readonly fields and dynamic-list rows come from the task variables so that a crafted
 * request cannot change data the form only displays.
 */
@Component
public class FormValidator {

    /** Upper bound for any single text value, whatever the form allows, to keep process variables sane. */
    public static final int MAX_TEXT_LENGTH = 100_000;

    // digits allowed before and after the decimal point of a number
    private static final int MAX_DIGITS = 30;

    // beyond this many options a message listing them all stops being helpful
    private static final int MAX_OPTIONS_NAMED = 10;

    public FormResult validate(FormDefinition form, Map<String, Object> submitted, Map<String, Object> taskVariables) {
        Map<String, Object> input = submitted == null ? Map.of() : submitted;
        Map<String, Object> variables = taskVariables == null ? Map.of() : taskVariables;
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormComponent component : form.components()) {
            if (FormComponent.DYNAMICLIST.equals(component.type())) {
                validateList(component, input.get(component.path()), variables, values, errors);
            } else if (component.isField()) {
                if (component.readonly()) {
                    if (variables.containsKey(component.key())) {
                        values.put(component.key(), variables.get(component.key()));
                    }
                } else {
                    values.put(component.key(), validateField(component, input.get(component.key()),
                            component.key(), variables, errors));
                }
            }
        }
        return new FormResult(values, errors);
    }

    private void validateList(FormComponent list, Object submitted, Map<String, Object> variables,
                              Map<String, Object> values, Map<String, String> errors) {
        String path = list.path();
        List<Map<String, Object>> expected = FormValues.rows(variables.get(path));
        List<?> rows = submitted == null ? List.of() : submitted instanceof List<?> l ? l : null;
        if (rows == null || rows.size() != expected.size()) {
            // rows cannot be added or removed: the list mirrors the rows the process handed to this task
            errors.put(path, list.displayLabel() + " must have exactly " + expected.size()
                    + (expected.size() == 1 ? " entry." : " entries."));
            return;
        }
        List<Map<String, Object>> cleaned = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Map<?, ?> row = rows.get(i) instanceof Map<?, ?> map ? map : Map.of();
            // start from the variable row so that row data the form does not show survives the rewrite of the list
            Map<String, Object> out = new LinkedHashMap<>(expected.get(i));
            for (FormComponent column : list.components()) {
                if (column.isField() && !column.readonly()) {
                    out.put(column.key(), validateField(column, row.get(column.key()),
                            FormValues.rowPath(path, i, column.key()), variables, errors));
                }
            }
            cleaned.add(out);
        }
        values.put(path, cleaned);
    }

    private Object validateField(FormComponent field, Object raw, String path, Map<String, Object> variables,
                                 Map<String, String> errors) {
        String label = field.displayLabel();
        if (raw != null && !FormValues.isScalar(raw)) {
            errors.put(path, label + " must be a single value.");
            return null;
        }
        if (FormComponent.CHECKBOX.equals(field.type())) {
            return validateCheckbox(field, raw, path, errors);
        }
        String typeProblem = typeProblem(field.type(), raw);
        if (typeProblem != null) {
            errors.put(path, label + typeProblem);
            return null;
        }
        String text = FormValues.text(raw);
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            errors.put(path, label + " must be at most " + MAX_TEXT_LENGTH + " characters.");
            return null;
        }
        if (text == null || text.isBlank()) {
            if (field.validate().required()) {
                errors.put(path, label + " is required.");
            }
            return null;
        }
        return switch (field.type()) {
            case FormComponent.NUMBER -> validateNumber(field, text.strip(), path, errors);
            case FormComponent.DATETIME -> validateDate(field, text.strip(), path, errors);
            case FormComponent.SELECT, FormComponent.RADIO -> validateChoice(field, text.strip(), path, variables, errors);
            default -> validateText(field, text, path, errors);
        };
    }

    /**
     * The JSON type a field takes: text and dates are strings, a number a number (or a string, as a page sends it),
     * a choice a string or a number; never a boolean. A web form sends strings only, so this matters for the API.
     */
    private static String typeProblem(String type, Object raw) {
        return switch (type) {
            case FormComponent.NUMBER -> raw instanceof Boolean ? " must be a number." : null;
            case FormComponent.SELECT, FormComponent.RADIO -> raw instanceof Boolean ? " must be one of the offered choices." : null;
            case FormComponent.DATETIME -> raw == null || raw instanceof String ? null
                    : " must be a date in the form yyyy-mm-dd.";
            default -> raw == null || raw instanceof String ? null : " must be text.";
        };
    }

    private Boolean validateCheckbox(FormComponent field, Object raw, String path, Map<String, String> errors) {
        boolean checked;
        if (raw == null || raw instanceof Boolean || "true".equals(raw) || "on".equals(raw)
                || "false".equals(raw) || "".equals(raw)) {
            checked = FormValues.isChecked(raw);
        } else {
            errors.put(path, field.displayLabel() + " must be checked or unchecked.");
            return null;
        }
        if (!checked && field.validate().required()) {
            errors.put(path, field.displayLabel() + " must be checked.");
        }
        return checked;
    }

    private String validateText(FormComponent field, String text, String path, Map<String, String> errors) {
        Validation rules = field.validate();
        String label = field.displayLabel();
        String policy = InputPolicy.problem(text, FormComponent.TEXTAREA.equals(field.type()));
        if (policy != null) {
            errors.put(path, label + ": " + policy);
        } else if (rules.minLength() != null && text.length() < rules.minLength()) {
            errors.put(path, label + " must be at least " + rules.minLength() + " characters.");
        } else if (rules.maxLength() != null && text.length() > rules.maxLength()) {
            errors.put(path, label + " must be at most " + rules.maxLength() + " characters.");
        } else if (rules.pattern() != null && !Pattern.compile(rules.pattern()).matcher(text).matches()) {
            errors.put(path, label + " does not have the expected format.");
        } else {
            return text;
        }
        return null;
    }

    private Number validateNumber(FormComponent field, String text, String path, Map<String, String> errors) {
        Validation rules = field.validate();
        String label = field.displayLabel();
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            errors.put(path, label + " must be a number.");
            return null;
        }
        if (number.scale() > MAX_DIGITS || number.precision() - number.scale() > MAX_DIGITS) {
            // 1E+999999999 parses, but would print as a billion digits when the form is shown again
            errors.put(path, label + " is too large or has too many decimals.");
            return null;
        }
        if (rules.min() != null && number.compareTo(rules.min()) < 0) {
            errors.put(path, label + " must be at least " + rules.min().toPlainString() + ".");
            return null;
        }
        if (rules.max() != null && number.compareTo(rules.max()) > 0) {
            errors.put(path, label + " must be at most " + rules.max().toPlainString() + ".");
            return null;
        }
        return asNumber(number);
    }

    /** Whole numbers become Long so that ids and counts stay integers in the process; others stay exact. */
    private static Number asNumber(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return stripped.longValueExact();
        }
        return number;
    }

    private String validateDate(FormComponent field, String text, String path, Map<String, String> errors) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(path, field.displayLabel() + " must be a date in the form yyyy-mm-dd.");
            return null;
        }
        String problem = InputPolicy.dateProblem(date);
        if (problem != null) {
            errors.put(path, field.displayLabel() + ": " + problem);
            return null;
        }
        return date.toString();
    }

    private String validateChoice(FormComponent field, String text, String path, Map<String, Object> variables,
                                  Map<String, String> errors) {
        List<Option> options = FormValues.options(field, variables);
        for (Option option : options) {
            if (text.equals(option.value())) {
                return option.value();
            }
        }
        if (options.isEmpty() || options.size() > MAX_OPTIONS_NAMED) {
            errors.put(path, field.displayLabel() + " must be one of the offered choices.");
        } else {
            errors.put(path, field.displayLabel() + " must be one of: "
                    + options.stream().map(Option::label).collect(Collectors.joining(", ")) + ".");
        }
        return null;
    }
}
