package io.vitrine.realtime.internal;

import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vitrine.realtime.*}: the WebSocket gateway's extra allowed origins and each connection's frame budgets
 * (the limits shared across connections: {@link RealtimeLimits}; cluster mode: {@code fanout.ClusterProperties}).
 */
@Validated
@ConfigurationProperties("vitrine.realtime")
record RealtimeProperties(
        @DefaultValue List<String> allowedOrigins,
        @Positive @DefaultValue("10") int framesPerSecond,
        @Positive @DefaultValue("20") int burst,
        @Positive @DefaultValue("50") int signalsPerSecond,
        @Positive @DefaultValue("200") int signalBurst) {}
