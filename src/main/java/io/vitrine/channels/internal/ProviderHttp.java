package io.vitrine.channels.internal;

import io.vitrine.channels.ChannelFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/** One POST to a provider; a provider that cannot be reached or answers too late is a retryable failure. */
@Component
public class ProviderHttp {

    public record Response(int status, String body) {}

    private final SingletonSupplier<HttpClient> client;
    private final ChannelsProperties properties;

    ProviderHttp(ChannelsProperties properties) {
        this.properties = properties;
        // TLS verification stays on (the JDK's defaults); redirects are not followed, a provider API never redirects.
        // Made with the first request: a client's TLS set-up and selector thread are no work for the start.
        this.client = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public Response post(String url, Map<String, String> headers, String contentType, String body) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.requestTimeout())
                .header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.obtain().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new ChannelFailure(ChannelFailure.Reason.UNAVAILABLE, null,
                    "The provider could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelFailure(ChannelFailure.Reason.UNAVAILABLE, null, "Interrupted while sending");
        }
    }

    /** application/x-www-form-urlencoded, in the map's order. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
