package io.vitrine.merchant;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When someone whose connections are gone counts as gone ({@code vitrine.presence.*}): an expert with no open
 * console turns Offline after {@code grace}; the dialogs and the gateway use the same grace for customers.
 * {@code sweepInterval} and {@code heartbeatInterval} pace the presence sweep and each node's staff heartbeat; the
 * sweep's interval is also how long its cluster lock is kept, which may not exceed the lock's 60 s limit.
 */
@Validated
@ConfigurationProperties("vitrine.presence")
public record PresenceProperties(
        @NotNull @DefaultValue("60s") Duration grace,
        @NotNull @DurationMin(millis = 100) @DurationMax(seconds = 60) @DefaultValue("5s") Duration sweepInterval,
        @NotNull @DefaultValue("10s") Duration heartbeatInterval) {}
