package io.vitrine.merchant;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The team of a merchant and who of it is available. */
public interface TeamApi {

    Optional<Member> findMember(UUID memberId);

    Optional<Member> findByHandle(UUID merchantId, String handle);

    List<Member> members(UUID merchantId);

    /** Members whose presence is Online: the only ones that receive new requests. */
    List<Member> online(UUID merchantId);

    Member addMember(UUID merchantId, NewMember member);

    /** Sets a member's presence and announces the change with {@link PresenceChanged}. */
    void setPresence(UUID memberId, Presence presence);

    /** A console of these members is still connected. */
    void markSeen(Collection<UUID> memberIds);

    /** Of these members, those with no console seen since {@code before}: gone, whatever their presence says. */
    Set<UUID> goneSince(Collection<UUID> memberIds, Instant before);

    /** The member just took or finished a dialog: "idle longest" counts from now. */
    void markIdleFrom(UUID memberId);

    record NewMember(String email, String displayName, String password, Role role, String handle, String store) {}
}
