package io.vitrine.realtime.protocol;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** RTCSessionDescriptionInit, relayed as it is. */
public record SessionDescription(
        @NotNull @Pattern(regexp = "offer|answer|pranswer|rollback", message = "must be offer, answer, pranswer or rollback") String type,
        @Size(max = 65_536) String sdp) {}
