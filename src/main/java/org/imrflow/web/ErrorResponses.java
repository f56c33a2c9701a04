package org.imrflow.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the servlet container's error dispatch answers: errors raised before a controller was found (no such
 * address, a method or content type the address does not take) and errors of the filters. Under {@code /api}
 * they are RFC 9457 problem details like every other API error; elsewhere Spring Boot's page or JSON.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorResponses extends BasicErrorController {

    ErrorResponses(ErrorAttributes attributes, ServerProperties server, List<ErrorViewResolver> resolvers) {
        super(attributes, server.getError(), resolvers);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path) || !path.startsWith(request.getContextPath() + "/api/")) {
            return super.error(request);
        }
        HttpStatus status = getStatus(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail(status));
        problem.put("instance", path);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method.";
            case UNSUPPORTED_MEDIA_TYPE -> "This address does not take this content type; send application/json.";
            case NOT_ACCEPTABLE -> "This address cannot answer in the media type asked for.";
            case PAYLOAD_TOO_LARGE -> "The request is too large.";
            case UNAUTHORIZED -> "Sign in with HTTP Basic.";
            case FORBIDDEN -> "You may not do this.";
            case BAD_REQUEST -> "The request is malformed; nothing was stored.";
            default -> status.is5xxServerError()
                    ? "Something went wrong; nothing was changed. Try again, or tell an administrator."
                    : status.getReasonPhrase() + ".";
        };
    }
}
