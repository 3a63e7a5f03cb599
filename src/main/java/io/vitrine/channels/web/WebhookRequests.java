package io.vitrine.channels.web;

import io.vitrine.channels.internal.TwilioWebhooks;
import io.vitrine.channels.internal.WebhookRefused;
import io.vitrine.shared.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What the webhook controllers share: the signed URL and POST parameters of a request, and logging refusals. */
@Component
class WebhookRequests {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRequests.class);

    private final PublicUrl publicUrl;

    WebhookRequests(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** Runs the handling; a refused request is logged (never its content) and answered 403. */
    void guarded(String provider, String merchant, HttpServletRequest request, Runnable handling) {
        try {
            handling.run();
        } catch (WebhookRefused refused) {
            LOG.warn("Refused a {} webhook for merchant '{}' from {}: {}", provider, merchant.replaceAll("[^a-z0-9-]", "_"),
                    request.getRemoteAddr(), refused.why());
            throw refused;
        }
    }

    /**
     * The URL Twilio requested (under vitrine.public-url when set) and the parameters of the POST body. The servlet
     * API merges query and body parameters, query first; Twilio signs only the body's, so the query's are taken off.
     */
    TwilioWebhooks.Signed twilio(HttpServletRequest request, String path) {
        String query = request.getQueryString();
        String url = publicUrl.of(path) + (query == null ? "" : "?" + query);
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, new ArrayList<>(Arrays.asList(values))));
        queryCounts(query).forEach((name, count) -> {
            List<String> values = params.get(name);
            if (values != null) {
                values.subList(0, Math.min(count, values.size())).clear();
                if (values.isEmpty()) {
                    params.remove(name);
                }
            }
        });
        return new TwilioWebhooks.Signed(url, params, request.getHeader("X-Twilio-Signature"));
    }

    private static Map<String, Integer> queryCounts(String query) {
        Map<String, Integer> counts = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                    counts.merge(name, 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
