package org.imrflow.tasks.form;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** The {@code validate} block of a form component; absent limits are null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Validation(boolean required, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max,
                         String pattern) {

    static final Validation NONE = new Validation(false, null, null, null, null, null);
}
