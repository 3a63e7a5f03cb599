package io.vitrine.realtime.fanout;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How nodes share realtime state, under {@code vitrine.cluster}. {@code single} keeps it in this node's memory;
 * {@code nats} relays it through a NATS server so that several nodes can serve one shop.
 *
 * @param heartbeat how often a node re-announces the stream peers it holds; others forget them after three misses
 */
@Validated
@ConfigurationProperties("vitrine.cluster")
public record ClusterProperties(
        @NotNull @DefaultValue("single") Mode mode,
        @NotBlank @DefaultValue("nats://127.0.0.1:4222") String natsUrl,
        @NotNull @DefaultValue("2s") Duration heartbeat) {

    public enum Mode { SINGLE, NATS }
}
