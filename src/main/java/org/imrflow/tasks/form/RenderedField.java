package org.imrflow.tasks.form;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the Thymeleaf fragment needs to draw one component, already decided, so the template only switches
 * on {@code kind}: {@code text}, {@code readonly}, {@code readonly-textarea}, {@code textfield}, {@code textarea},
 * {@code number}, {@code date}, {@code select}, {@code radio}, {@code checkbox} or {@code list}.
 * {@code name} is null for readonly fields: what is not sent cannot be tampered with.
 */
public record RenderedField(String kind, String id, String name, String label, String description,
                            boolean required, String value, boolean checked, List<RenderedOption> options,
                            String error, List<String> paragraphs, List<RenderedRow> rows, Integer maxLength,
                            BigDecimal min, BigDecimal max) {

    public boolean invalid() {
        return error != null;
    }

    public String descriptionId() {
        return description == null ? null : id + "-description";
    }

    public String errorId() {
        return id + "-error";
    }

    /** The ids for aria-describedby, or null so Thymeleaf drops the attribute. */
    public String describedBy() {
        String ids = ((description == null ? "" : descriptionId()) + " " + (error == null ? "" : errorId())).strip();
        return ids.isEmpty() ? null : ids;
    }

    public String minText() {
        return min == null ? null : min.toPlainString();
    }

    public String maxText() {
        return max == null ? null : max.toPlainString();
    }
}
