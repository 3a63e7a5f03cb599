package io.vitrine.media.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vitrine.media.*}: the ICE servers handed to browsers. TURN credentials are derived per participant from
 * {@code turnSecret}, the shared secret coturn is started with ({@code static-auth-secret}); they expire after
 * {@code turnTtl}.
 */
@Validated
@ConfigurationProperties("vitrine.media")
record MediaProperties(
        @DefaultValue List<String> stunUrls,
        @DefaultValue List<String> turnUrls,
        String turnSecret,
        @NotNull @DefaultValue("12h") Duration turnTtl) {

    MediaProperties {
        if (!turnUrls.isEmpty() && (turnSecret == null || turnSecret.isBlank())) {
            throw new IllegalArgumentException("vitrine.media.turn-secret must be set when vitrine.media.turn-urls are");
        }
    }
}
