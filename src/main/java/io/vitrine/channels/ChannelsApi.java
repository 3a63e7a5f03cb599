package io.vitrine.channels;

import java.util.List;
import java.util.UUID;

/** The merchant's channel set-up as other modules see it: the pool of proxy numbers to hand out. Never credentials. */
public interface ChannelsApi {

    /** The merchant's proxy numbers on a channel (E.164), in the order the admin listed them. */
    List<String> numbers(UUID merchantId, Channel channel);

    /** Whether the merchant has an account with credentials for the channel. */
    boolean configured(UUID merchantId, Channel channel);
}
