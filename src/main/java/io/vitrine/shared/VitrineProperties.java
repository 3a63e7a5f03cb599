package io.vitrine.shared;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The instance-wide settings every module may read: {@code vitrine.demo} and {@code vitrine.public-url}. Each
 * module owns its other settings in a {@code @ConfigurationProperties} record of its own (docs/operations.md).
 */
@Validated
@ConfigurationProperties("vitrine")
public record VitrineProperties(
        @DefaultValue("false") boolean demo,
        @Pattern(regexp = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\\s?#]*)?",
                message = "must be the absolute http(s) URL under which browsers reach Vitrine, like https://vitrine.example.com")
        String publicUrl) {}
