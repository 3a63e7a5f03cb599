package io.vitrine.scheduling.web;

import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An invitation as a download that calendars open ("Download .ics"). */
final class CalendarFiles {

    private CalendarFiles() {}

    static ResponseEntity<String> download(UUID id, String ics) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("appointment-" + id + ".ics").build().toString())
                .body(ics);
    }
}
