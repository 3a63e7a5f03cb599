package io.vitrine.channels.demo;

import io.vitrine.channels.internal.MetaSignature;
import io.vitrine.channels.internal.ProviderEndpoints;
import io.vitrine.channels.internal.ProviderHttp;
import io.vitrine.channels.internal.TwilioSignature;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo provider calling Vitrine's real webhooks, signed as Twilio and Meta sign them with the merchant's
 * configured secret. Calls go to this server on loopback; the signature covers the URL the webhook verifies against.
 */
@Component
class DemoCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCallbacks.class);

    record Result(int status, String body) {}

    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;
    // Status reports follow the provider's answer, as they do from Twilio and Meta; demo only, lost on a restart.
    private final ExecutorService later = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("demo-provider-", 0).factory());

    DemoCallbacks(ProviderHttp http, ProviderEndpoints endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    Result twilio(String path, Map<String, String> params, String authToken) {
        Map<String, List<String>> signed = new LinkedHashMap<>();
        params.forEach((name, value) -> signed.put(name, List.of(value)));
        String signature = TwilioSignature.sign(authToken, endpoints.verifiedAs(path), signed);
        var response = http.post(endpoints.local() + path, Map.of("X-Twilio-Signature", signature),
                "application/x-www-form-urlencoded", ProviderHttp.form(params));
        return new Result(response.status(), response.body());
    }

    Result meta(String path, String json, String appSecret) {
        String signature = MetaSignature.sign(appSecret, json.getBytes(StandardCharsets.UTF_8));
        var response = http.post(endpoints.local() + path, Map.of("X-Hub-Signature-256", signature), "application/json", json);
        return new Result(response.status(), response.body());
    }

    void afterwards(Runnable callbacks) {
        later.execute(() -> {
            try {
                callbacks.run();
            } catch (RuntimeException e) {
                LOG.warn("Demo provider: a status callback failed: {}", e.getMessage());
            }
        });
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        later.shutdownNow();
    }
}
