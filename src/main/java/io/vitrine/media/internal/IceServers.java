package io.vitrine.media.internal;

import io.vitrine.media.IceServer;
import io.vitrine.media.MediaApi;
import io.vitrine.media.TurnCredentials;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** ICE servers from configuration; without any, browsers connect directly (fine on a LAN and on loopback). */
@Service
class IceServers implements MediaApi {

    private final MediaProperties settings;
    private final Clock clock;

    IceServers(MediaProperties properties, Clock clock) {
        this.settings = properties;
        this.clock = clock;
    }

    @Override
    public List<IceServer> iceServers(String participantId) {
        List<IceServer> servers = new ArrayList<>();
        if (!settings.stunUrls().isEmpty()) {
            servers.add(new IceServer(settings.stunUrls(), null, null));
        }
        if (!settings.turnUrls().isEmpty()) {
            var turn = TurnCredentials.issue(settings.turnSecret(), participantId, Instant.now(clock).plus(settings.turnTtl()));
            servers.add(new IceServer(settings.turnUrls(), turn.username(), turn.credential()));
        }
        return servers;
    }
}
