package io.vitrine.notifications.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Settings under {@code vitrine.notifications}. */
@Validated
@ConfigurationProperties("vitrine.notifications")
public record NotificationsProperties(
        @Valid @NotNull @DefaultValue Mail mail,
        @Valid @NotNull @DefaultValue Outbox outbox,
        @Valid @NotNull @DefaultValue Push push) {

    /** The sender of every email; the SMTP server itself is set with spring.mail.*. */
    public record Mail(
            @NotBlank @Email @DefaultValue("no-reply@localhost") String from,
            @NotBlank @DefaultValue("Vitrine") String fromName) {}

    /** How the worker sends queued rows: a row is tried up to maxAttempts times, waiting longer each time. */
    public record Outbox(
            @NotNull @DefaultValue("2s") Duration pollInterval,
            @Positive @DefaultValue("20") int batchSize,
            @NotNull @DefaultValue("2m") Duration lease,
            @Positive @DefaultValue("8") int maxAttempts,
            @NotNull @DefaultValue("10s") Duration initialBackoff,
            @NotNull @DefaultValue("1h") Duration maxBackoff) {}

    /**
     * Web Push (VAPID, RFC 8292). Without keys, a pair is made on first use and kept in the database.
     *
     * @param subject a mailto: or https: address push services may contact about this sender
     */
    public record Push(
            @NotBlank @Pattern(regexp = "(mailto:|https://).+", message = "must be a mailto: or https: URI")
            @DefaultValue("mailto:no-reply@localhost") String subject,
            String vapidPublicKey,
            String vapidPrivateKey,
            @NotNull @DefaultValue("24h") Duration ttl) {

        boolean keysConfigured() {
            return vapidPublicKey != null && !vapidPublicKey.isBlank() && vapidPrivateKey != null
                    && !vapidPrivateKey.isBlank();
        }
    }
}
