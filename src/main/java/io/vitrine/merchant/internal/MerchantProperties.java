package io.vitrine.merchant.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The merchant module's settings, under their long-standing keys {@code vitrine.login.*},
 * {@code vitrine.bootstrap.*} and {@code vitrine.operator.*} (presence: {@link io.vitrine.merchant.PresenceProperties}).
 */
@Validated
@ConfigurationProperties("vitrine")
record MerchantProperties(
        @Valid @NotNull @DefaultValue Login login,
        @Valid @NotNull @DefaultValue Bootstrap bootstrap,
        @Valid @NotNull @DefaultValue Operator operator) {

    /**
     * Throttling of failed staff logins, per account and per client address, each with a delay that doubles with
     * every failure beyond the free ones up to a cap; a record is forgotten after {@code forgetAfter} without failures.
     */
    record Login(
            @Positive @DefaultValue("5") int accountFreeFailures,
            @NotNull @DefaultValue("30s") Duration accountMaxDelay,
            @Positive @DefaultValue("50") int addressFreeFailures,
            @NotNull @DefaultValue("15m") Duration addressMaxDelay,
            @NotNull @DefaultValue("15m") Duration forgetAfter) {}

    /** Creates the first merchant and its admin on an empty production database. */
    record Bootstrap(String merchantSlug, String merchantName, String adminEmail, String adminPassword) {
        boolean requested() {
            return adminEmail != null && !adminEmail.isBlank();
        }
    }

    /** The operator's credential for instance-wide endpoints (metrics); without a password they are closed. */
    record Operator(@DefaultValue("operator") String username, String password) {
        boolean configured() {
            return password != null && !password.isBlank();
        }
    }
}
