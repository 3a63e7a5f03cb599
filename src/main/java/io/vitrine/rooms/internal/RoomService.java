package io.vitrine.rooms.internal;

import io.vitrine.dialog.DialogMode;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.RoomDialogsApi;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.TeamApi;
import io.vitrine.rooms.RoomState;
import io.vitrine.rooms.RoomView;
import io.vitrine.shared.DomainException;
import io.vitrine.shared.SecretTokens;
import io.vitrine.shopper.Shopper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rooms: made by an expert (for themselves) or an admin (for any expert of the merchant), entered through their link
 * while open, each visitor a Guest of the room's dialog up to the room's capacity.
 */
@Service
public class RoomService {

    public static final int MAX_TITLE = 120;
    public static final int DEFAULT_EXPIRY_HOURS = 3;
    public static final int MAX_EXPIRY_HOURS = 24;
    /** The WebRTC mesh carries the expert and five customers (ADR 0004); a text room keeps the dialog's same cap. */
    public static final int MAX_CAPACITY = DialogView.MAX_CUSTOMERS;

    private final Rooms rooms;
    private final TeamApi team;
    private final MerchantApi merchants;
    private final RoomDialogsApi roomDialogs;
    private final Clock clock;

    RoomService(Rooms rooms, TeamApi team, MerchantApi merchants, RoomDialogsApi roomDialogs, Clock clock) {
        this.rooms = rooms;
        this.team = team;
        this.merchants = merchants;
        this.roomDialogs = roomDialogs;
        this.clock = clock;
    }

    /** The team member asking. */
    public record Caller(UUID memberId, UUID merchantId, boolean admin) {}

    /**
     * @param start       the wall-clock start in {@code zone}
     * @param expiryHours hours after the start the link works; null means {@value #DEFAULT_EXPIRY_HOURS}
     * @param capacity    participants admitted besides the expert; null means the most there is room for
     * @param expertId    whose room it is; null means the caller's own
     */
    public record NewRoom(String title, LocalDateTime start, String zone, Integer expiryHours, Boolean video,
            Integer capacity, UUID expertId) {}

    /** What a visitor sees before joining; {@code now} lets the page count down with the server's clock. */
    public record Preview(String title, String merchant, String merchantName, String expert, Instant start, String zone,
            Instant opensAt, Instant endsAt, RoomState state, boolean video, int capacity, Instant now) {}

    @Transactional
    public RoomView create(Caller caller, NewRoom request, Function<String, String> linkOf) {
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw DomainException.invalidField("title", "Please give the room a title of 1 to " + MAX_TITLE + " characters.");
        }
        if (request.start() == null) {
            throw DomainException.invalidField("start", "Please give the start as a date and time, like 2027-03-29T15:00.");
        }
        ZoneId zone = zone(request.zone());
        ZonedDateTime start = start(request.start(), zone);
        int expiry = expiryHours(request.expiryHours(), DEFAULT_EXPIRY_HOURS);
        int capacity = request.capacity() == null ? MAX_CAPACITY : request.capacity();
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw DomainException.invalidField("capacity", "A room admits 1 to " + MAX_CAPACITY
                    + " participants besides the expert: that is what a live stream carries (more are planned).");
        }
        Member expert = expertFor(caller, request.expertId());
        Instant now = Instant.now(clock);
        var room = new Room(UUID.randomUUID(), caller.merchantId(), expert.id(), title, start.toInstant(), zone.getId(),
                expiry, request.video() == null || request.video(), capacity, SecretTokens.newToken(), null,
                caller.memberId(), now, 0, null);
        if (!now.isBefore(room.endsAt())) {
            throw DomainException.invalidField("start", "This room would have ended already: please choose a later start.");
        }
        rooms.insert(room);
        return view(room, expert.displayName(), linkOf, now);
    }

    @Transactional(readOnly = true)
    public List<RoomView> mine(Caller caller, Function<String, String> linkOf) {
        return views(rooms.ofExpert(caller.merchantId(), caller.memberId()), caller, linkOf);
    }

    @Transactional(readOnly = true)
    public List<RoomView> all(Caller caller, Function<String, String> linkOf) {
        if (!caller.admin()) {
            throw DomainException.forbidden("Only admins see all rooms of the shop.");
        }
        return views(rooms.ofMerchant(caller.merchantId()), caller, linkOf);
    }

    @Transactional(readOnly = true)
    public RoomView get(Caller caller, UUID id, Function<String, String> linkOf) {
        Room room = require(caller, id);
        return view(room, expertName(room.expertId()), linkOf, Instant.now(clock));
    }

    /** The room of its expert, or any room of the merchant for an admin; others' rooms look missing. */
    Room require(Caller caller, UUID id) {
        return rooms.find(caller.merchantId(), id)
                .filter(room -> caller.admin() || room.expertId().equals(caller.memberId()))
                .orElseThrow(() -> DomainException.notFound("Room"));
    }

    @Transactional(readOnly = true)
    public Preview preview(String token) {
        Room room = byToken(token);
        Merchant merchant = merchants.get(room.merchantId());
        return new Preview(room.title(), merchant.slug(), merchant.name(),
                expertName(room.expertId()), room.start(), room.zone(), room.opensAt(), room.endsAt(),
                room.state(Instant.now(clock)), room.video(), room.capacity(), Instant.now(clock));
    }

    /** The merchant of the room the link belongs to, for serving its page. */
    @Transactional(readOnly = true)
    public Merchant merchantOf(String token) {
        return merchants.get(byToken(token).merchantId());
    }

    /** The room a link belongs to, whatever its state. */
    @Transactional(readOnly = true)
    public Room byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            throw unknownLink();
        }
        return rooms.byToken(token).orElseThrow(RoomService::unknownLink);
    }

    /**
     * A visitor enters: only while the room is open, and only while there is room. The room's dialog is made (or is
     * live again) under the room's row lock, so two first visitors get the same one.
     */
    @Transactional
    public RoomDialogsApi.Joined join(String token, Shopper current, String screenName) {
        if (token == null || token.isBlank() || token.length() > 64) {
            throw unknownLink();
        }
        Room room = rooms.lockByToken(token).orElseThrow(RoomService::unknownLink);
        Instant now = Instant.now(clock);
        switch (room.state(now)) {
            case SCHEDULED -> throw DomainException.conflict("room_not_open",
                    "This room opens at " + room.opensAt() + ", five minutes before its start.");
            case ENDED -> throw DomainException.conflict("room_ended", "This room has ended.");
            case CANCELLED -> throw cancelled();
            case OPEN -> { }
        }
        UUID dialogId = roomDialogs.open(room.merchantId(), room.expertId(),
                room.video() ? DialogMode.VIDEO : DialogMode.TEXT, room.title(), room.dialogId());
        if (!dialogId.equals(room.dialogId())) {
            rooms.setDialog(room.id(), dialogId);
        }
        return roomDialogs.join(dialogId, current, screenName, room.capacity());
    }

    private List<RoomView> views(List<Room> list, Caller caller, Function<String, String> linkOf) {
        var names = team.members(caller.merchantId()).stream()
                .collect(java.util.stream.Collectors.toMap(Member::id, Member::displayName));
        Instant now = Instant.now(clock);
        return list.stream().map(room -> view(room, names.getOrDefault(room.expertId(), ""), linkOf, now)).toList();
    }

    private RoomView view(Room room, String expertName, Function<String, String> linkOf, Instant now) {
        return new RoomView(room.id(), room.title(), room.start(), room.zone(), room.expiryHours(), room.opensAt(),
                room.endsAt(), room.video(), room.capacity(), room.expertId(), expertName, room.state(now),
                linkOf.apply(room.token()), room.dialogId(), room.createdAt());
    }

    private String expertName(UUID expertId) {
        return team.findMember(expertId).map(Member::displayName).orElse("");
    }

    private Member expertFor(Caller caller, UUID expertId) {
        if (expertId == null || expertId.equals(caller.memberId())) {
            return team.findMember(caller.memberId()).orElseThrow(() -> DomainException.notFound("Team member"));
        }
        if (!caller.admin()) {
            throw DomainException.forbidden("Experts create rooms for themselves; only admins create rooms for another expert.");
        }
        return team.findMember(expertId).filter(m -> m.merchantId().equals(caller.merchantId()))
                .orElseThrow(() -> DomainException.invalidField("expertId", "There is no such expert in this shop."));
    }

    /** The hours given, or {@code otherwise}, within 1 to {@value #MAX_EXPIRY_HOURS}. */
    static int expiryHours(Integer given, int otherwise) {
        int expiry = given == null ? otherwise : given;
        if (expiry < 1 || expiry > MAX_EXPIRY_HOURS) {
            throw DomainException.invalidField("expiryHours",
                    "The link expires 1 to " + MAX_EXPIRY_HOURS + " hours after the start.");
        }
        return expiry;
    }

    static DomainException cancelled() {
        return DomainException.conflict("room_cancelled", "This presentation was cancelled.");
    }

    static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw DomainException.invalidField("zone", "Please give the time zone, like Europe/Berlin.");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (java.time.DateTimeException e) {
            throw DomainException.invalidField("zone", "'" + zone + "' is not a time zone; use a name like Europe/Berlin.");
        }
    }

    static ZonedDateTime start(LocalDateTime local, ZoneId zone) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw DomainException.invalidField("start", local + " does not exist in " + zone.getId()
                    + ": the clocks go forward then. Please choose another time.");
        }
        return local.atZone(zone);
    }

    static DomainException unknownLink() {
        return new DomainException(DomainException.Kind.NOT_FOUND, "room_not_found",
                "This room link does not work: it is mistyped, or the room was removed.");
    }
}
