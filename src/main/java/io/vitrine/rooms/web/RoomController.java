package io.vitrine.rooms.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.rooms.RoomView;
import io.vitrine.rooms.internal.RoomAnnouncements;
import io.vitrine.rooms.internal.RoomChanges;
import io.vitrine.rooms.internal.RoomService;
import io.vitrine.shared.PublicUrl;
import io.vitrine.shared.QrCodes;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rooms in the console (an expert's own) and the dashboard (all of the shop's, for admins). */
@RestController
@RequestMapping("/api/v1/rooms")
@Tag(name = "Rooms")
@SecurityRequirement(name = "staffSession")
class RoomController {

    private final RoomService rooms;
    private final RoomAnnouncements announcements;
    private final RoomChanges changes;
    private final PublicUrl publicUrl;

    RoomController(RoomService rooms, RoomAnnouncements announcements, RoomChanges changes, PublicUrl publicUrl) {
        this.rooms = rooms;
        this.announcements = announcements;
        this.changes = changes;
        this.publicUrl = publicUrl;
    }

    record CreateRoom(
            @Parameter(description = "what is presented, e.g. Collection review") String title,
            @Parameter(description = "wall-clock start in the zone, e.g. 2027-03-29T15:00") LocalDateTime start,
            @Parameter(description = "IANA time zone, e.g. Europe/Berlin") String zone,
            @Parameter(description = "hours after the start the link works, 1 to 24; default 3") Integer expiryHours,
            @Parameter(description = "false: a text chat room; default true") Boolean video,
            @Parameter(description = "participants admitted besides the expert, 1 to 5; default 5") Integer capacity,
            @Parameter(description = "admins only: the expert whose room it is; default the caller") UUID expertId) {}

    record MoveRoom(
            @Parameter(description = "the new wall-clock start in the zone, e.g. 2027-03-30T15:00") LocalDateTime start,
            @Parameter(description = "IANA time zone; default the room's") String zone,
            @Parameter(description = "hours after the start the link works, 1 to 24; default the room's") Integer expiryHours) {}

    record Announce(@Size(max = 100_000) String addresses) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a room with a shareable link (experts for themselves, admins for any expert)")
    RoomView create(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff, @RequestBody CreateRoom body) {
        return rooms.create(caller(staff), new RoomService.NewRoom(body.title(), body.start(), body.zone(),
                body.expiryHours(), body.video(), body.capacity(), body.expertId()), this::link);
    }

    @GetMapping
    @Operation(summary = "The caller's own rooms, latest start first")
    List<RoomView> mine(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff) {
        return rooms.mine(caller(staff), this::link);
    }

    @GetMapping("/all")
    @Operation(summary = "All rooms of the shop (admins)")
    List<RoomView> all(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff) {
        return rooms.all(caller(staff), this::link);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One room: its expert's, or any for an admin")
    RoomView get(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id) {
        return rooms.get(caller(staff), id, this::link);
    }

    @PostMapping("/{id}/announce")
    @Operation(summary = "Emails the link with a calendar invitation to pasted addresses (at most 500; each once per room)")
    RoomAnnouncements.Result announce(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable UUID id, @RequestBody Announce body) {
        RoomView room = rooms.get(caller(staff), id, this::link);
        return announcements.announce(caller(staff), id, body.addresses(), room.link());
    }

    @PostMapping("/{id}/announce-contacts")
    @Operation(summary = "Announces the room to its expert's confirmed email contacts, as a message from the expert through"
            + " the contacts outbox (each once; opted-out contacts get nothing; no address is shown)")
    RoomAnnouncements.Result announceToContacts(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable UUID id) {
        RoomView room = rooms.get(caller(staff), id, this::link);
        return announcements.announceToContacts(caller(staff), id, room.link());
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "Moves the room to a new start: everyone announced gets the invitation again (same UID, SEQUENCE raised);"
            + " 409 room_ended or room_cancelled, 400 for a start in the past")
    RoomView move(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
            @RequestBody MoveRoom body) {
        return changes.move(caller(staff), id, new RoomChanges.Move(body.start(), body.zone(), body.expiryHours()), this::link);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancels the room: everyone announced gets METHOD:CANCEL and the link says it was cancelled;"
            + " 409 room_ended or room_cancelled")
    RoomView cancel(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id) {
        return changes.cancel(caller(staff), id, this::link);
    }

    @GetMapping(value = "/{id}/qr.svg", produces = "image/svg+xml")
    @Operation(summary = "The room's link as a QR code (SVG)")
    ResponseEntity<String> qr(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCodes.svg(rooms.get(caller(staff), id, this::link).link()));
    }

    private String link(String token) {
        return publicUrl.of("/r/" + token);
    }

    private static RoomService.Caller caller(StaffPrincipal staff) {
        return new RoomService.Caller(staff.memberId(), staff.merchantId(), staff.isAdmin());
    }
}
