package org.imrflow.correspondence;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The letter templates under {@code templates/letters/}, with an engine of their own: letters must
 * render the same whatever the web layer configures (prefix, caching, dialects), and outside any
 * web request. The Spring flavour of the engine is used only for its SpEL expressions, which need
 * no application context (plain Thymeleaf would need OGNL, which is not on the class path).
 */
final class LetterTemplates {

    private final TemplateEngine engine = new SpringTemplateEngine();

    LetterTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
    }

    /** Renders {@code name} (for example {@code final-determination.txt}) with the given variables. */
    String render(String name, Map<String, Object> variables) {
        return engine.process(name, new Context(Locale.US, variables));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/letters/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
