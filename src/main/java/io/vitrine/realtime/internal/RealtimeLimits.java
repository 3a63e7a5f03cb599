package io.vitrine.realtime.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway allows a socket, a participant and an address, so slow or hostile clients cannot hold
 * memory or other members' delivery hostage.
 *
 * @param helloTimeout a socket that has not authenticated by then is closed
 * @param unauthenticatedPerAddress sockets one address may keep open before authenticating
 * @param sendBufferChars characters waiting to be written to one socket before it is closed as too slow
 * @param sendTimeout how long writing one frame to a socket may block before it is closed as too slow
 * @param participantFramesPerSecond frames one participant may send over all their sockets, on average
 * @param participantBurst the participant's burst
 * @param addressFramesPerSecond frames one address may send over all its sockets, on average
 * @param addressBurst the address's burst
 */
@Validated
@ConfigurationProperties("vitrine.realtime.limits")
record RealtimeLimits(
        @NotNull @DefaultValue("5s") Duration helloTimeout,
        @Positive @DefaultValue("50") int unauthenticatedPerAddress,
        @Positive @DefaultValue("1048576") int sendBufferChars,
        @NotNull @DefaultValue("10s") Duration sendTimeout,
        @Positive @DefaultValue("15") int participantFramesPerSecond,
        @Positive @DefaultValue("30") int participantBurst,
        @Positive @DefaultValue("60") int addressFramesPerSecond,
        @Positive @DefaultValue("120") int addressBurst) {}
