package io.vitrine.shared;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Everything configurable about Vitrine, under the prefix {@code vitrine}. */
@Validated
@ConfigurationProperties("vitrine")
public record VitrineProperties(
        @DefaultValue("false") boolean demo,
        @Valid @NotNull @DefaultValue Routing routing,
        @Valid @NotNull @DefaultValue Presence presence,
        @Valid @NotNull @DefaultValue Realtime realtime,
        @Valid @NotNull @DefaultValue Bootstrap bootstrap) {

    /** How waiting requests reach experts. */
    public record Routing(
            @NotNull @DefaultValue("30s") Duration offerTimeout,
            @NotNull @DefaultValue("1s") Duration tickInterval) {}

    /** When an expert with no open console turns Offline. */
    public record Presence(@NotNull @DefaultValue("60s") Duration grace) {}

    /** The WebSocket gateway. */
    public record Realtime(
            @DefaultValue List<String> allowedOrigins,
            @Positive @DefaultValue("10") int framesPerSecond,
            @Positive @DefaultValue("20") int burst) {}

    /** Creates the first merchant and its admin on an empty production database. */
    public record Bootstrap(String merchantSlug, String merchantName, String adminEmail, String adminPassword) {
        public boolean requested() {
            return adminEmail != null && !adminEmail.isBlank();
        }
    }
}
