package io.vitrine.catalog.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The catalog's settings under {@code vitrine.catalog}: rows written per transaction, how many bad rows an import
 * keeps with their reason, the largest search page, and after how long without progress a running import counts as
 * dead (its server went away).
 */
@Validated
@ConfigurationProperties("vitrine.catalog")
record CatalogProperties(
        @Positive @Max(5000) @DefaultValue("500") int batchSize,
        @Positive @DefaultValue("200") int maxReportedErrors,
        @Positive @Max(200) @DefaultValue("100") int maxPageSize,
        @NotNull @DefaultValue("5m") Duration stalledAfter) {}
