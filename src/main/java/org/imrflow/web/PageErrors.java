package org.imrflow.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** The UI's errors as a friendly page with the status; never a stack trace. */
@ControllerAdvice(annotations = PageController.class)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, e.getMessage());
    }

    // the services' org.imrflow.security.AccessDeniedException is one too
    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(RuntimeException e) {
        return page(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page(HttpStatus.CONFLICT, e.getMessage());
    }

    // a service's refusal of a request that has no form to show it beside (a link's parameters)
    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e) {
        return page(HttpStatus.BAD_REQUEST, e.fieldErrors().entrySet().stream()
                .map(error -> error.getKey() + ": " + error.getValue()).collect(Collectors.joining(" ")));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badRequest(Exception e) {
        String rejected = InputBinding.rejection(e);
        return page(HttpStatus.BAD_REQUEST, rejected == null ? null
                : ((MethodArgumentTypeMismatchException) e).getName() + ": " + rejected);
    }

    // a form's list index beyond InputBinding.MAX_INDEX (negative or not a number: InputBinding.refusedInput)
    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView invalidProperty(InvalidPropertyException e) {
        return page(HttpStatus.BAD_REQUEST, "The form has no field " + e.getPropertyName() + ".");
    }

    // Spring's own exceptions that carry their status (ResponseStatusException, ...)
    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView withStatus(ErrorResponseException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        return page(status == null ? HttpStatus.BAD_REQUEST : status, null);
    }

    @ExceptionHandler(RuntimeException.class)
    ModelAndView unexpected(RuntimeException e, HttpServletResponse response) {
        if (InputBinding.refusedInput(e)) {
            return page(HttpStatus.BAD_REQUEST, null);
        }
        if (ServiceUnavailable.isDatabaseOutage(e)) {
            log.warn("The database could not be reached: {}", e.getClass().getSimpleName());
            response.setHeader(HttpHeaders.RETRY_AFTER, ServiceUnavailable.RETRY_AFTER_SECONDS);
            return page(HttpStatus.SERVICE_UNAVAILABLE, ServiceUnavailable.DATABASE_OUT);
        }
        log.error("Unexpected error on a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null);
    }

    private static ModelAndView page(HttpStatus status, String detail) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        return page;
    }
}
