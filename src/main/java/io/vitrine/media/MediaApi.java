package io.vitrine.media;

import java.util.List;

public interface MediaApi {

    /** The ICE servers for one participant, with TURN credentials issued to them now. */
    List<IceServer> iceServers(String participantId);
}
