package org.imrflow.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The web assets (Bootstrap, Chart.js, bpmn-js) come from WebJars at versionless URLs such as
 * {@code /webjars/bootstrap/css/bootstrap.min.css}: webjars-locator-lite switches on Spring's resource chain, whose
 * resolver finds the version when the asset is requested. The chain would also rewrite every link of every page
 * through {@link ResourceUrlEncodingFilter}, looking each one up as a classpath resource across every jar, for no
 * gain: no versioning strategy is configured, so the links come out as they went in. On a busy page (an inbox of a
 * few hundred tasks) that lookup was most of the page's time (docs/performance.md, "A year of data: pages").
 * Registered here, disabled, so that Thymeleaf's auto-configuration does not register it.
 */
@Configuration(proxyBeanMethods = false)
class WebAssets {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
