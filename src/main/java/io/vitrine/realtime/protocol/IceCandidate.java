package io.vitrine.realtime.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** RTCIceCandidateInit, relayed as it is; an empty {@code candidate} marks the end of candidates. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IceCandidate(
        @NotNull @Size(max = 1024) String candidate,
        @Size(max = 64) String sdpMid,
        @Min(0) @Max(64) Integer sdpMLineIndex,
        @Size(max = 256) String usernameFragment) {}
