package io.vitrine.contacts.internal;

import io.vitrine.contacts.ContactChannel;
import io.vitrine.contacts.OutboundMessage;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.TeamApi;
import io.vitrine.shared.Avatar;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What staff see of contacts and messages: screen name, avatar, channel and opt-in state, never the address. */
@Component
public class ContactViews {

    public record ContactView(UUID id, String screenName, Avatar avatar, ContactChannel channel, ContactState state,
            String team, UUID ownerId, String ownerName, int unread, Instant createdAt, Instant lastMessageAt,
            String lastMessage) {}

    public record MessageView(UUID id, String direction, MessageKind kind, String text,
            List<OutboundMessage.ProductCard> products, MessageState state, String failure, Instant at,
            Instant sendAt, Instant sentAt, List<AttachmentView> attachments) {}

    public record AttachmentView(UUID id, String fileName, String contentType) {}

    private static final TypeReference<List<OutboundMessage.ProductCard>> CARDS = new TypeReference<>() {};

    private final TeamApi team;
    private final Messages messages;
    private final JsonMapper json;

    ContactViews(TeamApi team, Messages messages, JsonMapper json) {
        this.team = team;
        this.messages = messages;
        this.json = json;
    }

    ContactView of(Contact c) {
        String owner = team.findMember(c.ownerId()).map(Member::displayName).orElse("");
        return new ContactView(c.id(), c.screenName(),
                Avatar.of(c.id().toString(), "CONTACT", c.screenName(), c.avatarColor()), c.channel(), c.state(),
                c.team(), c.ownerId(), owner, c.unread(), c.createdAt(), c.lastMessageAt(),
                messages.lastText(c.id()).map(ContactViews::preview).orElse(null));
    }

    MessageView of(Message m) {
        List<AttachmentView> attachments = m.outbound() ? List.of() : messages.attachments(m.id()).stream()
                .map(a -> new AttachmentView(a.id(), a.fileName(), a.contentType())).toList();
        return new MessageView(m.id(), m.direction(), m.kind(), m.body(), cards(m.products()), m.state(), m.failure(),
                m.createdAt(), m.sendAt(), m.sentAt(), attachments);
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
