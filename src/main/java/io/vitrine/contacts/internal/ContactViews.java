package io.vitrine.contacts.internal;

import io.vitrine.channels.CustomerServiceWindow;
import io.vitrine.contacts.ContactChannel;
import io.vitrine.contacts.OutboundMessage;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.TeamApi;
import io.vitrine.shared.Avatar;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What staff see of contacts and messages: screen name, avatar, channel and opt-in state, never the address. */
@Component
public class ContactViews {

    public record ContactView(UUID id, String screenName, Avatar avatar, ContactChannel channel, ContactState state,
            String team, UUID ownerId, String ownerName, int unread, Instant createdAt, Instant lastMessageAt,
            String lastMessage, @Nullable ServiceWindow serviceWindow) {}

    /**
     * WhatsApp's 24-hour customer-service window of a contact (null on other channels): while open, anything may be
     * sent; closed (or never opened), only the approved template. {@code closesAt} is when it closes or closed, null
     * when the contact never wrote.
     */
    public record ServiceWindow(boolean open, @Nullable Instant closesAt) {}

    public record MessageView(UUID id, String direction, MessageKind kind, String text,
            List<OutboundMessage.ProductCard> products, MessageState state, String failure, Instant at,
            Instant sendAt, Instant sentAt, List<AttachmentView> attachments, boolean template) {}

    public record AttachmentView(UUID id, String fileName, String contentType) {}

    private static final TypeReference<List<OutboundMessage.ProductCard>> CARDS = new TypeReference<>() {};

    private final TeamApi team;
    private final Messages messages;
    private final JsonMapper json;
    private final Clock clock;

    ContactViews(TeamApi team, Messages messages, JsonMapper json, Clock clock) {
        this.team = team;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    ContactView of(Contact c) {
        String owner = team.findMember(c.ownerId()).map(Member::displayName).orElse("");
        return new ContactView(c.id(), c.screenName(),
                Avatar.of(c.id().toString(), "CONTACT", c.screenName(), c.avatarColor()), c.channel(), c.state(),
                c.team(), c.ownerId(), owner, c.unread(), c.createdAt(), c.lastMessageAt(),
                messages.lastText(c.id()).map(ContactViews::preview).orElse(null), serviceWindow(c));
    }

    /**
     * The contact's WhatsApp window. The shopper's last message opens it, and so does their YES that confirmed the
     * double opt-in (a quick-reply is a message too, but it is not kept in the thread).
     */
    CustomerServiceWindow window(Contact c) {
        Instant lastWrote = messages.lastInboundAt(c.id()).orElse(null);
        Instant confirmed = c.confirmedAt();
        if (confirmed != null && (lastWrote == null || confirmed.isAfter(lastWrote))) {
            lastWrote = confirmed;
        }
        return new CustomerServiceWindow(lastWrote);
    }

    private @Nullable ServiceWindow serviceWindow(Contact c) {
        if (c.channel() != ContactChannel.WHATSAPP) {
            return null;
        }
        CustomerServiceWindow window = window(c);
        return new ServiceWindow(window.isOpen(clock.instant()), window.closesAt().orElse(null));
    }

    MessageView of(Message m) {
        List<AttachmentView> attachments = m.outbound() ? List.of() : messages.attachments(m.id()).stream()
                .map(a -> new AttachmentView(a.id(), a.fileName(), a.contentType())).toList();
        return new MessageView(m.id(), m.direction(), m.kind(), m.body(), cards(m.products()), m.state(), m.failure(),
                m.createdAt(), m.sendAt(), m.sentAt(), attachments, m.template());
    }

    List<OutboundMessage.ProductCard> cards(String products) {
        return products == null || products.isBlank() ? List.of() : json.readValue(products, CARDS);
    }

    String json(List<OutboundMessage.ProductCard> cards) {
        return cards.isEmpty() ? null : json.writeValueAsString(cards);
    }

    private static String preview(String text) {
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }
}
