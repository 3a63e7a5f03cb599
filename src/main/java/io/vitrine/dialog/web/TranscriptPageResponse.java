package io.vitrine.dialog.web;

import io.vitrine.dialog.DialogTranscript;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A transcript page with an RFC 8288 {@code Link: <…>; rel="next"} while more events follow. */
final class TranscriptPageResponse {

    static final String AFTER_SEQ = "Return events with a sequence above this one (0 = from the start).";
    static final String LIMIT = "Most events in this page (1 to 1000). Follow nextAfterSeq while hasMore is true.";

    private TranscriptPageResponse() {}

    static ResponseEntity<DialogTranscript> of(DialogTranscript page) {
        return of(page, page);
    }

    /** The page's body in another shape (for example with more about the dialog), with the same Link. */
    static <T> ResponseEntity<T> of(DialogTranscript page, T body) {
        var response = ResponseEntity.ok();
        if (page.hasMore()) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("afterSeq", page.nextAfterSeq()).toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(body);
    }
}
