package io.vitrine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Which settings given at start make the start an ordinary one, rather than the one prepared at build time. */
class BuildTimeSettingsTest {

    @Test
    void settingsThatConditionsMayReadAreFoundInAnyForm() {
        assertThat(BuildTimeSettings.readByConditions("spring.mail.host")).isTrue();
        assertThat(BuildTimeSettings.readByConditions("SPRING_MAIL_HOST")).isTrue();
        assertThat(BuildTimeSettings.readByConditions("MANAGEMENT_SERVER_PORT")).isTrue();
        assertThat(BuildTimeSettings.readByConditions("management.endpoints.web.exposure.include")).isTrue();
        assertThat(BuildTimeSettings.readByConditions("spring.profiles.active")).isTrue();
        assertThat(BuildTimeSettings.readByConditions("springdoc.api-docs.enabled")).isTrue();
        assertThat(BuildTimeSettings.readByConditions("server.forward-headers-strategy")).isTrue();
    }

    @Test
    void settingsOnlyReadAtStartAndVitrinesOwnAreFree() {
        for (String name : new String[] {"SPRING_DATASOURCE_URL", "spring.datasource.password", "server.port",
                "SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES", "SPRING_SERVLET_MULTIPART_MAX_FILE_SIZE",
                "spring.aot.enabled", "spring.context.exit", "VITRINE_DEMO", "vitrine.cluster.mode", "PORT",
                "logging.level.io.vitrine", "PATH", "JAVA_HOME"}) {
            assertThat(BuildTimeSettings.readByConditions(name)).as(name).isFalse();
        }
    }

    @Test
    void onlySettingsFromOutsideTheJarCount() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new MapPropertySource(
                "Config resource 'class path resource [application.yml]' via location 'optional:classpath:/'",
                Map.of("spring.mail.properties.mail.smtp.timeout", "5000", "management.endpoints.web.exposure.include", "health")));
        environment.getPropertySources().addLast(new MapPropertySource("applicationInfo", Map.of("spring.application.pid", 1)));
        assertThat(BuildTimeSettings.givenAtRunTime(environment)).isEmpty();

        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
                Map.of("VITRINE_DEMO", "false", "SPRING_DATASOURCE_URL", "jdbc:postgresql://db/vitrine")));
        assertThat(BuildTimeSettings.givenAtRunTime(environment)).isEmpty();

        environment.getPropertySources().addFirst(new MapPropertySource("Config resource 'file [config/application.yml]'",
                Map.of("management.server.port", 9090)));
        assertThat(BuildTimeSettings.givenAtRunTime(environment)).contains("management.server.port (Config resource 'file [config/application.yml]')");
    }
}
