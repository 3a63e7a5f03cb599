package io.vitrine.contacts.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code vitrine.contacts}.
 *
 * @param replyDomain the domain of the experts' proxy addresses; its MX points at Vitrine (inbound smtp) or at the
 *                    mailbox that inbound imap reads
 * @param addressKey  base64 of 32 random bytes that encrypt contact addresses at rest; without one, a key is made
 *                    on first use and kept in the database (fine for a demo, not for production)
 * @param inbound     how replies arrive: smtp (Vitrine listens for the reply domain), imap (Vitrine polls a
 *                    catch-all mailbox) or none
 */
@Validated
@ConfigurationProperties("vitrine.contacts")
public record ContactsProperties(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9.-]+", message = "must be a domain name like reply.example.com")
        @DefaultValue("reply.demo.test") String replyDomain,
        String addressKey,
        @NotNull @DefaultValue("smtp") Inbound inbound,
        @Valid @NotNull @DefaultValue Smtp smtp,
        @Valid @NotNull @DefaultValue Imap imap,
        @Valid @NotNull @DefaultValue Outbox outbox,
        @NotNull @DefaultValue("7d") Duration inviteTtl) {

    public enum Inbound { SMTP, IMAP, NONE }

    /** The SMTP listener for the reply domain; port 0 picks a free port. */
    public record Smtp(
            @NotBlank @DefaultValue("127.0.0.1") String bindAddress,
            @Min(0) @Max(65535) @DefaultValue("2525") int port,
            @Positive @DefaultValue("10485760") int maxMessageSize) {}

    /** The catch-all mailbox polled when inbound is imap. */
    public record Imap(
            String host,
            @Min(0) @Max(65535) @DefaultValue("993") int port,
            @DefaultValue("true") boolean ssl,
            String username,
            String password,
            @NotBlank @DefaultValue("INBOX") String folder,
            @NotNull @DefaultValue("30s") Duration pollInterval) {}

    /**
     * The outbox of contact messages: a message is tried up to maxAttempts times, waiting longer each time; a batch
     * sends to up to {@code parallelism} contacts at once (one contact's messages always one after another).
     */
    public record Outbox(
            @NotNull @DefaultValue("1s") Duration pollInterval,
            @Positive @DefaultValue("50") int batchSize,
            @Positive @DefaultValue("8") int parallelism,
            @NotNull @DefaultValue("2m") Duration lease,
            @Positive @DefaultValue("10") int maxAttempts,
            @NotNull @DefaultValue("10s") Duration initialBackoff,
            @NotNull @DefaultValue("1h") Duration maxBackoff) {}
}
