package io.vitrine.sales.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code webhookTolerance}: how far a signed webhook's own time may be from ours before it is refused as a replay.
 */
@Validated
@ConfigurationProperties("vitrine.sales")
record SalesProperties(@NotNull @DefaultValue("5m") Duration webhookTolerance) {}
