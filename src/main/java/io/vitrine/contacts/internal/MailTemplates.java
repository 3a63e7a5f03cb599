package io.vitrine.contacts.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The text and HTML parts of contact mail, from templates/mail/contact.{txt,html}; values are escaped. */
@Component
class MailTemplates {

    // Our own engine, so the application's page templates and their resolver stay as they are.
    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        for (TemplateMode mode : new TemplateMode[] {TemplateMode.HTML, TemplateMode.TEXT}) {
            ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
            resolver.setPrefix("templates/mail/");
            resolver.setTemplateMode(mode);
            resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
            resolver.setResolvablePatterns(Set.of(mode == TemplateMode.HTML ? "*.html" : "*.txt"));
            resolver.setOrder(mode == TemplateMode.HTML ? 1 : 2);
            engine.addTemplateResolver(resolver);
        }
    }

    String text(Map<String, Object> values) {
        return engine.process("contact.txt", new Context(Locale.ENGLISH, values));
    }

    String html(Map<String, Object> values) {
        return engine.process("contact.html", new Context(Locale.ENGLISH, values));
    }
}
