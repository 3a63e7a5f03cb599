package io.vitrine.channels.internal;

import io.vitrine.shared.VitrineProperties;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where the adapters send (the providers' APIs, or in demo mode the demo provider inside Vitrine) and which URL of
 * Vitrine the providers call back (from {@code vitrine.public-url}; without it, the current request's or, in demo mode,
 * this server's own address).
 */
@Component
public class ProviderEndpoints {

    static final String TWILIO = "https://api.twilio.com";
    static final String META = "https://graph.facebook.com";
    public static final String DEMO_TWILIO = "/demo/providers/twilio";
    public static final String DEMO_META = "/demo/providers/meta";

    private final ChannelsProperties channels;
    private final VitrineProperties vitrine;
    private final Environment environment;

    ProviderEndpoints(ChannelsProperties channels, VitrineProperties vitrine, Environment environment) {
        this.channels = channels;
        this.vitrine = vitrine;
        this.environment = environment;
    }

    String twilioBase() {
        return base(channels.twilio().baseUrl(), TWILIO, DEMO_TWILIO);
    }

    String metaBase() {
        return base(channels.whatsapp().baseUrl(), META, DEMO_META) + "/v" + channels.whatsapp().apiVersion();
    }

    /** This server on loopback, e.g. http://127.0.0.1:8080 (the demo provider calls the webhooks through it). */
    public String local() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    /** The absolute URL providers use for a path of Vitrine; empty when it cannot be known (no public URL, no request). */
    public Optional<String> callback(String path) {
        String configured = vitrine.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured.replaceAll("/+$", "") + path);
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return Optional.of(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + path);
        }
        return vitrine.demo() ? Optional.of(local() + path) : Optional.empty();
    }

    /**
     * The URL a webhook request to {@code path} of this server is verified against: the public URL when one is set,
     * else the loopback address the demo provider posts to (which is then the request's own URL).
     */
    public String verifiedAs(String path) {
        String configured = vitrine.publicUrl();
        return (configured != null && !configured.isBlank() ? configured.replaceAll("/+$", "") : local()) + path;
    }

    private String base(String configured, String real, String demoPath) {
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        return vitrine.demo() ? local() + demoPath : real;
    }
}
