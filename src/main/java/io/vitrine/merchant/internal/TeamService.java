package io.vitrine.merchant.internal;

import io.vitrine.merchant.Member;
import io.vitrine.merchant.Presence;
import io.vitrine.merchant.PresenceChanged;
import io.vitrine.merchant.TeamApi;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TeamService implements TeamApi {

    private final TeamMembers members;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TeamService(TeamMembers members, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
        this.members = members;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<Member> findMember(UUID memberId) {
        return members.findById(memberId);
    }

    @Override
    public Optional<Member> findByHandle(UUID merchantId, String handle) {
        return members.findByHandle(merchantId, handle);
    }

    @Override
    public List<Member> members(UUID merchantId) {
        return members.findByMerchant(merchantId);
    }

    @Override
    public List<Member> online(UUID merchantId) {
        return members.findOnline(merchantId);
    }

    @Override
    @Transactional
    public Member addMember(UUID merchantId, NewMember member) {
        // Only this merchant's own team counts: whether the address is used at another merchant is not its business.
        if (members.emailTaken(merchantId, member.email().strip())) {
            throw DomainException.conflict("email_taken", "A member of your team already has this email address.");
        }
        String handle = member.handle() == null || member.handle().isBlank() ? null : member.handle().strip();
        if (handle != null && members.findByHandle(merchantId, handle).isPresent()) {
            throw DomainException.conflict("handle_taken", "Another team member already uses the handle '" + handle + "'.");
        }
        Instant now = Instant.now(clock);
        var created = new Member(UUID.randomUUID(), merchantId, member.email().strip(), member.displayName().strip(),
                handle, blankToNull(member.store()), member.role(), Presence.OFFLINE, now);
        members.insert(created, passwords.encode(member.password()), now);
        return created;
    }

    @Override
    @Transactional
    public void setPresence(UUID memberId, Presence presence) {
        Member member = members.findById(memberId).orElseThrow(() -> DomainException.notFound("Team member"));
        if (members.updatePresence(memberId, presence, Instant.now(clock))) {
            events.publishEvent(new PresenceChanged(member.merchantId(), memberId, presence));
        }
    }

    @Override
    @Transactional
    public void markSeen(Collection<UUID> memberIds) {
        members.markSeen(memberIds, Instant.now(clock));
    }

    @Override
    public Set<UUID> goneSince(Collection<UUID> memberIds, Instant before) {
        return memberIds.isEmpty() ? Set.of() : members.goneSince(memberIds, before);
    }

    @Override
    @Transactional
    public void markIdleFrom(UUID memberId) {
        members.markIdleFrom(memberId, Instant.now(clock));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
