package io.vitrine.channels.demo;

import io.vitrine.channels.Channel;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One message the demo provider carried, to the shopper's phone (TO_SHOPPER) or from it (FROM_SHOPPER). */
record DemoMessage(UUID id, UUID merchantId, Channel channel, Direction direction, String businessNumber,
        String shopperNumber, @Nullable String body, @Nullable String mediaUrl, @Nullable String linkUrl,
        @Nullable String templateName, @Nullable String quickReply, String providerMessageId, String status, Instant at) {

    enum Direction { TO_SHOPPER, FROM_SHOPPER }
}
