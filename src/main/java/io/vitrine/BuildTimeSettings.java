package io.vitrine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Keeps a start prepared by Spring's build-time AOT processing ({@code spring-boot:process-aot}, started with
 * {@code -Dspring.aot.enabled=true}, as {@code ./vitrine start} does) from ignoring a setting. That processing
 * evaluates the conditions of Spring Boot's auto-configuration once, while building, on the packaged
 * {@code application.yml}: a condition that reads a setting ({@code spring.mail.host}, {@code management.server.port},
 * the exposed endpoints, ...) keeps the answer it had then. Vitrine's own settings are all read at start.
 * <p>
 * So when a {@code spring.*}, {@code management.*} or {@code server.*} setting is given at run time (environment
 * variable, system property, command line, a configuration file outside the jar), other than those only read while
 * the beans are made ({@link #READ_AT_START}), the application starts the ordinary way, evaluating the conditions
 * then, and logs which setting made it do so. While the build processes the application, such a setting is refused:
 * what is prepared must be the packaged defaults.
 */
class BuildTimeSettings implements EnvironmentPostProcessor {

    /** Where conditions look (names compared in lower case, letters and digits only, as relaxed binding does). */
    private static final List<String> CONDITIONS_READ = List.of("spring", "management", "server");

    /** Settings under those prefixes that no condition reads: bound when the beans are made, at start. */
    static final List<String> READ_AT_START = List.of(
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
            "spring.servlet.multipart.max-file-size", "spring.servlet.multipart.max-request-size",
            "server.port", "server.address", "server.tomcat.", "spring.main.banner-mode",
            // The switches of the prepared start itself and of the JVM's AOT cache training run.
            "spring.aot.", "spring.context.exit");

    private final Log log;

    BuildTimeSettings(DeferredLogFactory logs) {
        this.log = logs.getLog(BuildTimeSettings.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean processing = Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING);
        if (!processing && !AotDetector.useGeneratedArtifacts()) {
            return;
        }
        Optional<String> setting = givenAtRunTime(environment);
        if (setting.isEmpty()) {
            return;
        }
        if (processing) {
            throw new IllegalStateException(setting.get() + " is set while the application is processed ahead of"
                    + " time; the processing must see only the packaged application.yml (unset it for the build)");
        }
        log.info("Starting without the context prepared at build time: " + setting.get()
                + " is set, and Spring Boot's conditions may read it");
        System.setProperty(AotDetector.AOT_ENABLED, "false");
    }

    /** The first setting given from outside the jar that a condition may read, with where it comes from. */
    static Optional<String> givenAtRunTime(ConfigurableEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable) || packaged(source)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                if (readByConditions(name)) {
                    return Optional.of(name + " (" + source.getName() + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** The packaged defaults, and what Spring Boot adds of its own (the application's pid and version; a view of all). */
    private static boolean packaged(PropertySource<?> source) {
        String name = source.getName();
        return name.contains("class path resource [") || name.equals("applicationInfo")
                || name.equals("configurationProperties");
    }

    static boolean readByConditions(String name) {
        String setting = canonical(name);
        return CONDITIONS_READ.stream().anyMatch(setting::startsWith)
                && READ_AT_START.stream().map(BuildTimeSettings::canonical).noneMatch(setting::startsWith);
    }

    /** SPRING_MAIL_HOST, spring.mail.host and spring.mail-host alike: springmailhost. */
    private static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
