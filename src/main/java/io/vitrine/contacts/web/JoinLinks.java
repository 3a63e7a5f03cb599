package io.vitrine.contacts.web;

import io.vitrine.contacts.ContactChannel;
import io.vitrine.shared.PublicUrl;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Absolute invite links for the console, and the channels to offer, as the request sees Vitrine. */
@Component
class JoinLinks {

    private final PublicUrl publicUrl;
    private final io.vitrine.contacts.internal.Channels channels;

    JoinLinks(PublicUrl publicUrl, io.vitrine.contacts.internal.Channels channels) {
        this.publicUrl = publicUrl;
        this.channels = channels;
    }

    String join(String token) {
        return publicUrl.of("/contacts/join/" + token);
    }

    List<ContactChannel> channels(UUID merchantId) {
        return channels.available(merchantId);
    }
}
