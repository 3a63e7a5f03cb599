package io.vitrine.channels;

import io.vitrine.channels.internal.MetaSignature;
import io.vitrine.channels.internal.TwilioSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Plays Twilio and Meta calling Vitrine's webhooks: form or JSON posts, signed as the providers sign them (or not). */
final class Webhooks {

    record Reply(int status, String body) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Webhooks() {}

    static Map<String, List<String>> form(String... namesAndValues) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return form;
    }

    /** Posts the form to {@code port}, signed (when {@code token} is not null) over {@code signedUrl}. */
    static Reply twilio(int port, String path, Map<String, List<String>> form, String token, String signedUrl) {
        String body = form.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Twilio-Signature", TwilioSignature.sign(token, signedUrl, form));
        }
        return send(request.build());
    }

    static Reply twilioWithSignature(int port, String path, Map<String, List<String>> form, String signature) {
        String body = form.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts the JSON, with X-Hub-Signature-256 computed with {@code appSecret} when it is not null. */
    static Reply meta(int port, String path, String json, String appSecret) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (appSecret != null) {
            request.header("X-Hub-Signature-256", MetaSignature.sign(appSecret, body));
        }
        return send(request.build());
    }

    static Reply get(int port, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET().build());
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
