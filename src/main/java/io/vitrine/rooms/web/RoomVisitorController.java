package io.vitrine.rooms.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.dialog.RoomDialogsApi;
import io.vitrine.rooms.internal.RoomAnnouncements;
import io.vitrine.rooms.internal.RoomService;
import io.vitrine.shared.PublicUrl;
import io.vitrine.shopper.AuthenticatedShopper;
import io.vitrine.shopper.Shopper;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A room's link as a visitor uses it: when it opens, a calendar entry, and joining with a screen name. */
@RestController
@RequestMapping("/api/v1/widget/rooms/{token}")
@Tag(name = "Rooms")
class RoomVisitorController {

    private final RoomService rooms;
    private final RoomAnnouncements announcements;
    private final PublicUrl publicUrl;

    RoomVisitorController(RoomService rooms, RoomAnnouncements announcements, PublicUrl publicUrl) {
        this.rooms = rooms;
        this.announcements = announcements;
        this.publicUrl = publicUrl;
    }

    record JoinRoom(String screenName) {}

    @GetMapping
    @Operation(summary = "The room behind a link: title, start, when it opens and ends, and its state now")
    RoomService.Preview preview(@PathVariable String token) {
        return rooms.preview(token);
    }

    @PostMapping("/join")
    @Operation(summary = "Joins the open room as a Guest of its dialog; 409 room_full, room_not_open or room_ended")
    RoomDialogsApi.Joined join(@PathVariable String token,
            @Parameter(hidden = true) @AuthenticatedShopper(required = false) Shopper shopper,
            @RequestBody JoinRoom body) {
        return rooms.join(token, shopper, body.screenName());
    }

    @GetMapping(value = "/invitation.ics", produces = "text/calendar")
    @Operation(summary = "The room as a calendar entry (.ics)")
    ResponseEntity<String> calendar(@PathVariable String token) {
        String ics = announcements.calendarFile(token, publicUrl.of("/r/" + token));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"room.ics\"")
                .contentType(MediaType.valueOf("text/calendar; charset=UTF-8")).body(ics);
    }
}
