package io.vitrine.contacts.internal;

import io.vitrine.contacts.ChannelAdapter;
import io.vitrine.contacts.ContactChannel;
import io.vitrine.shared.DomainException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The channel adapters there are, by channel; a channel without an adapter (or not configured) is not offered. */
@Component
public class Channels {

    private final Map<ContactChannel, ChannelAdapter> adapters = new EnumMap<>(ContactChannel.class);

    Channels(List<ChannelAdapter> adapters) {
        for (ChannelAdapter adapter : adapters) {
            if (this.adapters.put(adapter.channel(), adapter) != null) {
                throw new IllegalStateException("Two adapters for channel " + adapter.channel());
            }
        }
    }

    /** The channels the merchant can use now, in the enum's order (email first). */
    public List<ContactChannel> available(UUID merchantId) {
        return adapters.values().stream().filter(a -> a.configured(merchantId)).map(ChannelAdapter::channel).sorted()
                .toList();
    }

    Optional<ChannelAdapter> adapter(ContactChannel channel) {
        return Optional.ofNullable(adapters.get(channel));
    }

    ChannelAdapter offered(UUID merchantId, ContactChannel channel) {
        if (channel == null || !available(merchantId).contains(channel)) {
            throw DomainException.invalidField("channel", "This shop does not offer " + (channel == null ? "that channel"
                    : channel.name().toLowerCase(java.util.Locale.ROOT)) + " for contacts; choose one of "
                    + available(merchantId) + ".");
        }
        return adapters.get(channel);
    }
}
