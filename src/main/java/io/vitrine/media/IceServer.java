package io.vitrine.media;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One entry of RTCConfiguration.iceServers; STUN entries carry no credentials. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IceServer(List<String> urls, String username, String credential) {}
