package org.imrflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the servlet container forwards a failed request; asked for directly it has no error to
 * show, and Spring Boot's error controller would answer that with a 500. A direct request is a 404.
 */
@Component
class ErrorPageRequests extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // error dispatches are not filtered (OncePerRequestFilter's default): only direct requests reach here
        return !"/error".equals(request.getRequestURI()) && !request.getRequestURI().startsWith("/error;");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
