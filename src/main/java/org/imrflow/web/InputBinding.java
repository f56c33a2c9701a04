package org.imrflow.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.imrflow.InputPolicy;
import org.springframework.beans.AbstractNestablePropertyAccessor;
import org.springframework.beans.PropertyAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The input policy ({@link InputPolicy}) for everything bound from a request parameter or a path variable: web
 * forms, query parameters and path variables, of pages and API alike. A form's field that breaks it gets the
 * policy's message beside it; a query parameter or path variable that does is a 400. Form fields are single-line
 * unless the controller names them multi-line ({@link #multiLine}); a lone parameter may hold line breaks (the
 * textareas of the case page's actions are such). Dates (yyyy-mm-dd) are plausible
 * ({@link InputPolicy#dateProblem}). Lists bound from a form grow to {@link #MAX_INDEX} rows at most; a larger,
 * negative or non-numeric index is a 400.
 */
@ControllerAdvice
public class InputBinding {

    /** More rows than any form offers (an application has at most 50 disputed items). */
    public static final int MAX_INDEX = 100;

    @InitBinder
    void applyPolicy(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(MAX_INDEX);
        binder.registerCustomEditor(String.class, new PolicyEditor(binder.getTarget() == null));
        binder.registerCustomEditor(LocalDate.class, new DateEditor());
        binder.setBindingErrorProcessor(new PolicyErrors());
    }

    /**
     * A multipart body that cannot be parsed fails before any controller is chosen, so only an advice for every
     * controller sees it.
     */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        return e instanceof MaxUploadSizeExceededException
                ? ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The request is too large.")
                : ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not a valid multipart form.");
    }

    /** Lets these fields of a form (paths without indexes: {@code disputedItems.description}) hold line breaks. */
    public static void multiLine(WebDataBinder binder, String... fields) {
        for (String field : fields) {
            binder.registerCustomEditor(String.class, field, new PolicyEditor(true));
        }
    }

    /**
     * Whether an exception that carries no status of its own was the request's fault: a parameter name that the
     * firewall refuses (read lazily, so inside a controller), or a list index that is not a number or is negative,
     * which the binder does not report as a binding error.
     */
    static boolean refusedInput(Throwable e) {
        if (e instanceof RequestRejectedException || e instanceof HttpMessageNotReadableException) {
            return true;
        }
        return (e instanceof NumberFormatException || e instanceof IndexOutOfBoundsException)
                && Arrays.stream(e.getStackTrace()).anyMatch(
                        frame -> frame.getClassName().equals(AbstractNestablePropertyAccessor.class.getName()));
    }

    /** The policy's message if it is why the value could not be converted, else null. */
    static String rejection(Throwable e) {
        return e != null && e.getCause() instanceof RejectedText rejected ? rejected.getMessage() : null;
    }

    /** A String bound as is, if it keeps the policy. */
    private static final class PolicyEditor extends PropertyEditorSupport {

        private final boolean multiLine;

        PolicyEditor(boolean multiLine) {
            this.multiLine = multiLine;
        }

        @Override
        public void setAsText(String text) {
            String problem = InputPolicy.problem(text, multiLine);
            if (problem != null) {
                throw new RejectedText(problem);
            }
            setValue(text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }

    /** A date as the pages' date fields send it (yyyy-mm-dd), if plausible; empty is none. */
    private static final class DateEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a date", e);
            }
            String problem = InputPolicy.dateProblem(date);
            if (problem != null) {
                throw new RejectedText(problem);
            }
            setValue(date);
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }

    /** The policy's message, rather than a conversion error's. */
    static final class RejectedText extends IllegalArgumentException {
        RejectedText(String message) {
            super(message);
        }
    }

    private static final class PolicyErrors extends DefaultBindingErrorProcessor {

        @Override
        public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
            if (ex.getCause() instanceof RejectedText rejected) {
                Object value = ex.getValue() instanceof String text ? InputPolicy.xmlSafe(text) : null;
                bindingResult.addError(new FieldError(bindingResult.getObjectName(), ex.getPropertyName(), value, true,
                        new String[] {"inputPolicy"}, null, rejected.getMessage()));
            } else {
                super.processPropertyAccessException(ex, bindingResult);
            }
        }
    }
}
