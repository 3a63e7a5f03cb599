package io.vitrine.channels;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A module listener like the ones other modules will have: it receives the channels' events from the event
 * publication registry after their transaction committed. Present only with vitrine.test.record-channel-events.
 */
@Component
@ConditionalOnBooleanProperty("vitrine.test.record-channel-events")
public class RecordedChannelEvents {

    private final List<InboundMessage> inbound = new CopyOnWriteArrayList<>();
    private final List<DeliveryStatusChanged> statuses = new CopyOnWriteArrayList<>();

    public List<InboundMessage> inbound() {
        return List.copyOf(inbound);
    }

    public List<DeliveryStatusChanged> statuses() {
        return List.copyOf(statuses);
    }

    @ApplicationModuleListener
    void on(InboundMessage message) {
        inbound.add(message);
    }

    @ApplicationModuleListener
    void on(DeliveryStatusChanged status) {
        statuses.add(status);
    }
}
