package io.vitrine.shared;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links to Vitrine (invite links, the embed snippet): built from {@code vitrine.public-url} when it is set.
 * Otherwise they follow the current request, whose host comes from the Host header or, only when the request came
 * through a trusted proxy, from its X-Forwarded-* headers.
 */
@Component
public class PublicUrl {

    private static final Logger LOG = LoggerFactory.getLogger(PublicUrl.class);

    private final String configured;
    private final boolean demo;

    PublicUrl(VitrineProperties properties) {
        String url = properties.publicUrl();
        this.configured = url == null || url.isBlank() ? null : url.replaceAll("/+$", "");
        this.demo = properties.demo();
    }

    /** The absolute URL of a path of Vitrine, e.g. {@code of("/join/abc")}; must be called within a request. */
    public String of(String path) {
        return base() + path;
    }

    /** The absolute URL of Vitrine itself, without a trailing slash. */
    public String base() {
        return configured != null ? configured : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /** The origin of the configured public URL (scheme, host and port), if one is configured. */
    public Optional<String> configuredOrigin() {
        return Optional.ofNullable(configured).map(url -> url.replaceFirst("^(https?://[^/]+).*$", "$1"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenUnset() {
        if (configured == null && !demo) {
            LOG.warn("vitrine.public-url is not set: links to Vitrine (invite links) follow each request's Host header. "
                    + "Set VITRINE_PUBLIC_URL to the address shoppers use, e.g. https://vitrine.example.com.");
        }
    }
}
