package io.vitrine.channels.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The channels' settings under {@code vitrine.channels}. {@code secretKey} (base64 of 32 bytes) encrypts provider
 * credentials at rest; without it a key is generated once and kept in the database, which is fine for a demo but
 * puts key and ciphertext side by side. Base URLs are the providers' own; in demo mode they point at the demo
 * provider inside Vitrine unless set explicitly.
 */
@Validated
@ConfigurationProperties("vitrine.channels")
public record ChannelsProperties(
        @Nullable @Pattern(regexp = "[A-Za-z0-9+/]{43}=", message = "must be the base64 of 32 random bytes (openssl rand -base64 32)")
        String secretKey,
        @Valid @NotNull @DefaultValue Twilio twilio,
        @Valid @NotNull @DefaultValue WhatsApp whatsapp,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("20s") Duration requestTimeout) {

    public record Twilio(@Nullable String baseUrl) {}

    public record WhatsApp(@Nullable String baseUrl,
            @NotBlank @Pattern(regexp = "[0-9]+\\.[0-9]+") @DefaultValue("21.0") String apiVersion) {}
}
