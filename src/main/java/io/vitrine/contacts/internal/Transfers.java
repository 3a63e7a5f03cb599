package io.vitrine.contacts.internal;

import io.vitrine.shared.Actor;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.TeamApi;
import io.vitrine.realtime.Push;
import io.vitrine.shared.DomainException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins move contacts, one or all, from one expert to another (an expert who leaves). Threads move with them;
 * replies to the old proxy address reach the new owner, as routing follows the contact, not the proxy.
 */
@Service
public class Transfers {

    private final Contacts contacts;
    private final TeamApi team;
    private final ContactViews views;
    private final Push push;

    Transfers(Contacts contacts, TeamApi team, ContactViews views, Push push) {
        this.contacts = contacts;
        this.team = team;
        this.views = views;
        this.push = push;
    }

    @Transactional
    public int transfer(Actor.Staff admin, UUID fromId, UUID toId, List<UUID> contactIds) {
        if (!admin.admin()) {
            throw DomainException.forbidden("Only the merchant's admins transfer contacts.");
        }
        Member from = member(admin, fromId, "fromMemberId");
        Member to = member(admin, toId, "toMemberId");
        if (from.id().equals(to.id())) {
            throw DomainException.invalidField("toMemberId", "Choose another expert than the current owner.");
        }
        List<UUID> ids = contactIds == null || contactIds.isEmpty() ? contacts.idsOfOwner(admin.merchantId(), from.id())
                : contactIds;
        int moved = contacts.transfer(admin.merchantId(), ids, from.id(), to.id());
        AfterCommit.run(() -> ids.forEach(id -> contacts.find(admin.merchantId(), id)
                .filter(c -> c.ownerId().equals(to.id()))
                .ifPresent(c -> push.toMember(to.id(), new ContactFrames.ContactFrame(views.of(c))))));
        return moved;
    }

    private Member member(Actor.Staff admin, UUID id, String field) {
        if (id == null) {
            throw DomainException.invalidField(field, "Choose a team member.");
        }
        return team.findMember(id).filter(m -> m.merchantId().equals(admin.merchantId()))
                .orElseThrow(() -> DomainException.invalidField(field, "No such team member in this shop."));
    }
}
