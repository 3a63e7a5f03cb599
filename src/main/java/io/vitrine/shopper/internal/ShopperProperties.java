package io.vitrine.shopper.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code vitrine.shopper.*}: a shopper token dies after {@code tokenTtl} without use; each use renews it. */
@Validated
@ConfigurationProperties("vitrine.shopper")
record ShopperProperties(@NotNull @DefaultValue("90d") Duration tokenTtl) {}
