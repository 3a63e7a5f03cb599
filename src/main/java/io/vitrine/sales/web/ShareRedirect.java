package io.vitrine.sales.web;

import io.vitrine.sales.internal.ShareService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Opens a share link: 302 to the product page (counted while the share is live), or a plain 404 page. */
@Controller
class ShareRedirect {

    private static final String UNKNOWN = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Link not found</title></head><body><main><h1>This link does not exist</h1>
            <p>Please ask the person who shared it for a new one.</p></main></body></html>""";

    private final ShareService shares;

    ShareRedirect(ShareService shares) {
        this.shares = shares;
    }

    @GetMapping("/s/{token}")
    ResponseEntity<String> open(@PathVariable String token) {
        return shares.visit(token)
                .map(visit -> ResponseEntity.status(HttpStatus.FOUND).location(visit.location())
                        .cacheControl(CacheControl.noStore()).<String>build())
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                        .body(UNKNOWN));
    }
}
