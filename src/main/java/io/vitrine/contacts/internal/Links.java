package io.vitrine.contacts.internal;

import io.vitrine.shared.VitrineProperties;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Absolute links in contact mail, built outside any request: from vitrine.public-url, or this server's own port
 * when it is unset (a local demo).
 */
@Component
class Links {

    private final String publicUrl;
    private final Environment environment;
    private final AddressCipher cipher;

    Links(VitrineProperties vitrine, Environment environment, AddressCipher cipher) {
        this.publicUrl = vitrine.publicUrl() == null || vitrine.publicUrl().isBlank() ? null
                : vitrine.publicUrl().replaceAll("/+$", "");
        this.environment = environment;
        this.cipher = cipher;
    }

    String base() {
        if (publicUrl != null) {
            return publicUrl;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    String confirm(UUID contactId) {
        return base() + "/api/v1/contacts/confirm/" + cipher.linkToken("confirm", contactId);
    }

    String unsubscribe(UUID contactId) {
        return base() + "/api/v1/contacts/unsubscribe/" + cipher.linkToken("unsubscribe", contactId);
    }

    String join(String token) {
        return base() + "/contacts/join/" + token;
    }
}
