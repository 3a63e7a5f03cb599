package io.vitrine.shared;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
        @Valid @NotNull @DefaultValue Coop coop,
        @Valid @NotNull @DefaultValue Media media,
        @Valid @NotNull @DefaultValue Bootstrap bootstrap,
        @Pattern(regexp = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\\s?#]*)?",
                message = "must be the absolute http(s) URL under which browsers reach Vitrine, like https://vitrine.example.com")
        String publicUrl,
        @Valid @NotNull @DefaultValue Login login,
        @Valid @NotNull @DefaultValue ShopperTokens shopper,
        @Valid @NotNull @DefaultValue Operator operator) {

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
            @Positive @DefaultValue("20") int burst,
            @Positive @DefaultValue("50") int signalsPerSecond,
            @Positive @DefaultValue("200") int signalBurst) {}

    /** Co-op shopping: how long a Host's invite link works at most (it always dies with the dialog). */
    public record Coop(@NotNull @DefaultValue("8h") Duration inviteTtl) {}

    /**
     * ICE servers handed to browsers. TURN credentials are derived per participant from {@code turnSecret}, the
     * shared secret coturn is started with ({@code static-auth-secret}); they expire after {@code turnTtl}.
     */
    public record Media(
            @DefaultValue List<String> stunUrls,
            @DefaultValue List<String> turnUrls,
            String turnSecret,
            @NotNull @DefaultValue("12h") Duration turnTtl) {

        public Media {
            if (!turnUrls.isEmpty() && (turnSecret == null || turnSecret.isBlank())) {
                throw new IllegalArgumentException("vitrine.media.turn-secret must be set when vitrine.media.turn-urls are");
            }
        }
    }

    /** Creates the first merchant and its admin on an empty production database. */
    public record Bootstrap(String merchantSlug, String merchantName, String adminEmail, String adminPassword) {
        public boolean requested() {
            return adminEmail != null && !adminEmail.isBlank();
        }
    }

    /**
     * Throttling of failed staff logins, per account and per client address, each with a delay that doubles with
     * every failure beyond the free ones up to a cap; a record is forgotten after {@code forgetAfter} without failures.
     */
    public record Login(
            @Positive @DefaultValue("5") int accountFreeFailures,
            @NotNull @DefaultValue("30s") Duration accountMaxDelay,
            @Positive @DefaultValue("50") int addressFreeFailures,
            @NotNull @DefaultValue("15m") Duration addressMaxDelay,
            @NotNull @DefaultValue("15m") Duration forgetAfter) {}

    /** A shopper token dies after {@code tokenTtl} without use; each use renews it. */
    public record ShopperTokens(@NotNull @DefaultValue("90d") Duration tokenTtl) {}

    /** The operator's credential for instance-wide endpoints (metrics); without a password they are closed. */
    public record Operator(@DefaultValue("operator") String username, String password) {
        public boolean configured() {
            return password != null && !password.isBlank();
        }
    }
}
