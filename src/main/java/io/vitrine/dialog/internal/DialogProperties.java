package io.vitrine.dialog.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dialog module's settings, under their long-standing keys {@code vitrine.routing.*} and
 * {@code vitrine.coop.*} (answer mail: {@link AnswerMailProperties}; the presence grace is the merchant module's).
 */
@Validated
@ConfigurationProperties("vitrine")
public record DialogProperties(
        @Valid @NotNull @DefaultValue Routing routing,
        @Valid @NotNull @DefaultValue Coop coop) {

    /**
     * How waiting requests reach experts. The tick's interval is also how long the routing tick's cluster lock is
     * kept, which may not exceed that lock's 10 s limit.
     */
    public record Routing(
            @NotNull @DefaultValue("30s") Duration offerTimeout,
            @NotNull @DurationMin(millis = 100) @DurationMax(seconds = 10) @DefaultValue("1s") Duration tickInterval) {}

    /** Co-op shopping: how long a Host's invite link works at most (it always dies with the dialog). */
    public record Coop(@NotNull @DefaultValue("8h") Duration inviteTtl) {}
}
