package org.imrflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The web assets (Bootstrap, Chart.js, bpmn-js) come from WebJars: the templates link them without a version
 * ({@code /webjars/bootstrap/css/bootstrap.min.css}), webjars-locator-lite's resolver in Spring's resource chain
 * serves such a URL, and the pages link the versioned URL so that a browser's cached copy ends with an upgrade.
 * Spring's own {@link ResourceUrlEncodingFilter} did that by looking every link of every page up as a classpath
 * resource across every jar: on a busy page (an inbox of a few hundred tasks) most of the page's time
 * (docs/performance.md, "A year of data: pages"). It is registered here disabled, so that Thymeleaf's
 * auto-configuration does not register it, and {@link WebJarLinks} versions the {@code /webjars/} links alone.
 */
@Configuration(proxyBeanMethods = false)
class WebAssets {

    static final String WEBJARS = "/webjars/";

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebJarLinks> webJarLinks(ResourceUrlProvider mvcResourceUrlProvider) {
        return new FilterRegistrationBean<>(new WebJarLinks(mvcResourceUrlProvider));
    }

    /** Links to {@code /webjars/...} made versioned by the resource chain (which caches them); others untouched. */
    static final class WebJarLinks extends OncePerRequestFilter {

        private final ResourceUrlProvider urls;

        WebJarLinks(ResourceUrlProvider urls) {
            this.urls = urls;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String context = request.getContextPath();
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public String encodeURL(String url) {
                    if (url.startsWith(context + WEBJARS) && url.indexOf('?') < 0 && url.indexOf('#') < 0) {
                        String versioned = urls.getForLookupPath(url.substring(context.length()));
                        if (versioned != null) {
                            return super.encodeURL(context + versioned);
                        }
                    }
                    return super.encodeURL(url);
                }
            });
        }
    }
}
