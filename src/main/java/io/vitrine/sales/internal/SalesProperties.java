package io.vitrine.sales.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code webhookTolerance}: how far a signed webhook's own time may be from ours before it is refused as a replay.
 * {@code secretKey}: base64 of 32 bytes that encrypts the webhook secrets at rest; without it a key is generated once
 * and kept in the database.
 */
@Validated
@ConfigurationProperties("vitrine.sales")
record SalesProperties(@NotNull @DefaultValue("5m") Duration webhookTolerance, @Nullable String secretKey) {}
