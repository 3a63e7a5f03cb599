package io.vitrine.contacts.internal;

import io.vitrine.contacts.ChannelAdapter;
import io.vitrine.contacts.ContactChannel;
import io.vitrine.shared.Actor;
import io.vitrine.dialog.DialogApi;
import io.vitrine.shared.DialogRole;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.Membership;
import io.vitrine.dialog.Permission;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.TeamApi;
import io.vitrine.realtime.Push;
import io.vitrine.shared.Avatar;
import io.vitrine.shared.Db;
import io.vitrine.shared.DomainException;
import io.vitrine.shared.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining and leaving: invites (a card in a live dialog, or a link / QR code for the shopper's own phone), the
 * double opt-in and the opt-out. A shopper is known by their address: one owner per team, channel and merchant.
 */
@Service
public class Invitations {

    public record Invite(UUID id, UUID merchantId, UUID memberId, UUID dialogId, Instant expiresAt, Instant usedAt) {}

    public record Link(String token, Instant expiresAt) {}

    public record Preview(String expert, String merchant, List<ContactChannel> channels, Instant expiresAt) {}

    public record Joined(UUID contactId, ContactChannel channel, ContactState state) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ContactsProperties properties;
    private final DialogApi dialogs;
    private final TeamApi team;
    private final MerchantApi merchants;
    private final Channels channels;
    private final Contacts contacts;
    private final AddressCipher cipher;
    private final Outgoing outgoing;
    private final ContactViews views;
    private final Push push;

    Invitations(JdbcClient jdbc, Clock clock, ContactsProperties properties, DialogApi dialogs, TeamApi team,
            MerchantApi merchants, Channels channels, Contacts contacts, AddressCipher cipher, Outgoing outgoing,
            ContactViews views, Push push) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.dialogs = dialogs;
        this.team = team;
        this.merchants = merchants;
        this.channels = channels;
        this.contacts = contacts;
        this.cipher = cipher;
        this.outgoing = outgoing;
        this.views = views;
        this.push = push;
    }

    /** The dialog's expert invites its Host; the card reaches everyone following the dialog (the widget shows it to the Host). */
    @Transactional
    public ContactFrames.Invite inviteFromDialog(UUID dialogId, Actor actor) {
        Membership membership = dialogs.membership(dialogId, actor);
        if (!(actor instanceof Actor.Staff staff)
                || !membership.permissions().contains(Permission.INVITE_TO_CONTACTS)) {
            throw DomainException.forbidden(Permission.INVITE_TO_CONTACTS.refusal());
        }
        if (dialogs.view(dialogId, actor).status() != DialogStatus.ACTIVE) {
            throw DomainException.conflict("dialog_not_live", "Invite to contacts during a live dialog.");
        }
        List<ContactChannel> offered = channels.available(staff.merchantId());
        if (offered.isEmpty()) {
            throw DomainException.conflict("no_channel", "No contact channel is set up for this shop yet.");
        }
        UUID id = store(staff, dialogId, SecretTokens.newToken());
        Member expert = member(staff.memberId());
        var card = new ContactFrames.Invite(dialogId, id, expert.displayName(), offered);
        AfterCommit.run(() -> push.toDialog(dialogId, card));
        return card;
    }

    /** A link (shown as a QR code) the shopper opens on their own phone to join. */
    @Transactional
    public Link inviteLink(Actor.Staff staff) {
        String token = SecretTokens.newToken();
        UUID id = store(staff, null, token);
        return new Link(token, find(id).orElseThrow().expiresAt());
    }

    /** The caller's own, still usable invite link, to draw as a QR code; another expert's is not found. */
    public String ownLink(Actor.Staff staff, String token) {
        Invite invite = byToken(token);
        if (!invite.memberId().equals(staff.memberId()) || !invite.merchantId().equals(staff.merchantId())
                || invite.dialogId() != null) {
            throw DomainException.notFound("The invite");
        }
        usable(invite);
        return token;
    }

    public Preview preview(String token) {
        Invite invite = usable(byToken(token));
        return new Preview(member(invite.memberId()).displayName(), merchants.get(invite.merchantId()).name(),
                channels.available(invite.merchantId()), invite.expiresAt());
    }

    /** The dialog's Host answers the card. */
    @Transactional
    public Joined joinFromDialog(UUID inviteId, Actor.Shopper host, ContactChannel channel, String address,
            boolean consent) {
        Invite invite = find(inviteId).filter(i -> i.merchantId().equals(host.merchantId()) && i.dialogId() != null)
                .orElseThrow(() -> DomainException.notFound("The invite"));
        Membership membership = dialogs.membership(invite.dialogId(), host);
        if (membership.role() != DialogRole.HOST) {
            throw DomainException.forbidden("Only the Host of the dialog can accept this invite.");
        }
        Avatar avatar = dialogs.participant(invite.dialogId(), host);
        return join(usable(invite), host.shopperId(), avatar.name(), channel, address, consent);
    }

    /** Someone who opened the invite link (a QR code in the store) joins on their own phone. */
    @Transactional
    public Joined joinByLink(String token, String screenName, ContactChannel channel, String address, boolean consent) {
        if (screenName == null || screenName.isBlank() || screenName.strip().length() > 80) {
            throw DomainException.invalidField("screenName", "Enter the name the expert should see (up to 80 characters).");
        }
        return join(usable(byToken(token)), null, screenName.strip(), channel, address, consent);
    }

    private Joined join(Invite invite, UUID shopperId, String screenName, ContactChannel channel, String address,
            boolean consent) {
        if (!consent) {
            throw DomainException.invalidField("consent", "Tick the box to agree to receive messages from the expert.");
        }
        ChannelAdapter adapter = channels.offered(invite.merchantId(), channel);
        String normalized = adapter.normalize(address);
        Member owner = member(invite.memberId());
        String teamName = teamOf(owner);
        String hash = cipher.hash(channel.name() + ":" + normalized);
        Instant now = clock.instant();
        markUsed(invite, now);
        Optional<Contact> existing = contacts.findByAddress(invite.merchantId(), teamName, channel, hash);
        Contact contact;
        if (existing.isPresent()) {
            Contact known = existing.get();
            boolean sameOwner = known.ownerId().equals(owner.id());
            if (!sameOwner && known.state() != ContactState.OPTED_OUT) {
                throw DomainException.conflict("already_a_contact",
                        "You are already in touch with another expert of this team; write to them by replying to their messages.");
            }
            if (known.state() == ContactState.CONFIRMED && sameOwner) {
                return new Joined(known.id(), channel, known.state());
            }
            contacts.reopen(known.id(), owner.id(), cipher.encrypt(normalized), screenName, shopperId);
            contact = contacts.findAnyMerchant(known.id()).orElseThrow();
        } else {
            contact = new Contact(UUID.randomUUID(), invite.merchantId(), teamName, owner.id(), shopperId, channel,
                    cipher.encrypt(normalized), hash, screenName, Avatar.randomColor(), ContactState.PENDING,
                    SecretTokens.newToken().substring(0, 20).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "x"),
                    0, now, null, null, null, null);
            contacts.insert(contact);
        }
        outgoing.confirmation(contact, owner);
        Contact stored = contact;
        AfterCommit.run(() -> push.toMember(owner.id(), new ContactFrames.ContactFrame(views.of(stored))));
        return new Joined(contact.id(), channel, ContactState.PENDING);
    }

    /** The double opt-in link; false for a link that is not genuine. */
    @Transactional
    public Optional<Contact> confirm(String token) {
        Optional<Contact> contact = cipher.verifyLinkToken("confirm", token).flatMap(contacts::findAnyMerchant);
        contact.filter(c -> contacts.confirm(c.id(), clock.instant())).ifPresent(this::announce);
        return contact.flatMap(c -> contacts.findAnyMerchant(c.id()));
    }

    /** Opt-out (footer link or RFC 8058 one-click): nothing more is sent, queued messages are cancelled. */
    @Transactional
    public Optional<Contact> unsubscribe(String token) {
        Optional<Contact> contact = cipher.verifyLinkToken("unsubscribe", token).flatMap(contacts::findAnyMerchant);
        contact.filter(c -> contacts.optOut(c.id(), clock.instant())).ifPresent(c -> {
            outgoing.cancelQueued(c.id(), "the contact opted out");
            announce(c);
        });
        return contact.flatMap(c -> contacts.findAnyMerchant(c.id()));
    }

    private void announce(Contact c) {
        UUID owner = c.ownerId();
        AfterCommit.run(() -> contacts.findAnyMerchant(c.id())
                .ifPresent(now -> push.toMember(owner, new ContactFrames.ContactFrame(views.of(now)))));
    }

    static String teamOf(Member member) {
        return member.store() == null || member.store().isBlank() ? "default" : member.store().strip();
    }

    private Member member(UUID memberId) {
        return team.findMember(memberId).orElseThrow(() -> DomainException.notFound("The expert"));
    }

    private UUID store(Actor.Staff staff, UUID dialogId, String token) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into contact_invite (id, merchant_id, member_id, dialog_id, token_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, staff.merchantId(), staff.memberId(), dialogId, SecretTokens.hash(token), Db.ts(now),
                        Db.ts(now.plus(properties.inviteTtl())))
                .update();
        return id;
    }

    private Optional<Invite> find(UUID id) {
        return jdbc.sql("select * from contact_invite where id = ?").param(id).query(Invitations::row).optional();
    }

    private Invite byToken(String token) {
        return jdbc.sql("select * from contact_invite where token_hash = ?").param(SecretTokens.hash(token))
                .query(Invitations::row).optional().orElseThrow(() -> DomainException.notFound("The invite"));
    }

    /** A link invite works once; a dialog card works while it has not expired (the Host may correct a typo). */
    private Invite usable(Invite invite) {
        if (invite.expiresAt().isBefore(clock.instant())) {
            throw DomainException.conflict("invite_expired", "This invite has expired; ask the expert for a new one.");
        }
        if (invite.dialogId() == null && invite.usedAt() != null) {
            throw DomainException.conflict("invite_used", "This invite was already used; ask the expert for a new one.");
        }
        return invite;
    }

    private void markUsed(Invite invite, Instant now) {
        jdbc.sql("update contact_invite set used_at = ? where id = ?").params(Db.ts(now), invite.id()).update();
    }

    private static Invite row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Invite(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getObject("member_id", UUID.class), rs.getObject("dialog_id", UUID.class),
                Db.instant(rs, "expires_at"), Db.instant(rs, "used_at"));
    }
}
