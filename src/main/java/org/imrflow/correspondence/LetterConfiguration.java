package org.imrflow.correspondence;

import org.imrflow.ImrProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The renderer of this organization's letters, from its configuration ({@code imr.organization}, {@code imr.letters}). */
@Configuration(proxyBeanMethods = false)
class LetterConfiguration {

    /** Refuses to start with a template version that does not exist: no letter could be printed with it. */
    @Bean
    LetterRenderer letterRenderer(ImrProperties properties) {
        try {
            return new LetterRenderer(Letterhead.of(properties.organization()), properties.letters().templateVersion());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("imr.letters.template-version: " + e.getMessage(), e);
        }
    }
}
