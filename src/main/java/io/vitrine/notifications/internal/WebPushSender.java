package io.vitrine.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/** Sends one encrypted message to a browser's push service (RFC 8030), signed with VAPID (RFC 8292). */
@Component
class WebPushSender {

    /** Made with the first message: a client's TLS set-up and selector thread are no work for the start. */
    private final SingletonSupplier<HttpClient> http = SingletonSupplier.of(() -> HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).build());
    private final VapidKeys vapid;
    private final PushSubscriptions subscriptions;
    private final Duration ttl;

    WebPushSender(VapidKeys vapid, PushSubscriptions subscriptions, NotificationsProperties properties) {
        this.vapid = vapid;
        this.subscriptions = subscriptions;
        this.ttl = properties.push().ttl();
    }

    Delivery send(PushSubscriptions.Subscription subscription, byte[] message) {
        try {
            URI endpoint = URI.create(subscription.endpoint());
            byte[] body = PushEncryption.encrypt(message, EcKeys.fromBase64Url(subscription.p256dh()),
                    EcKeys.fromBase64Url(subscription.auth()));
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", vapid.authorization(audience(endpoint)))
                    .header("Content-Encoding", "aes128gcm")
                    .header("Content-Type", "application/octet-stream")
                    .header("TTL", Long.toString(ttl.toSeconds()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            int status = http.obtain().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return outcome(subscription, status);
        } catch (IOException e) {
            return new Delivery.Retry("push service unreachable: " + e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Delivery.Failed("push subscription unusable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Retry("interrupted");
        }
    }

    private Delivery outcome(PushSubscriptions.Subscription subscription, int status) {
        if (status >= 200 && status < 300) {
            return new Delivery.Sent();
        }
        if (status == 404 || status == 410) {
            // The browser unsubscribed or the subscription expired: it will never work again.
            subscriptions.delete(subscription.id());
            return new Delivery.Failed("push subscription gone (" + status + "), removed");
        }
        if (status == 429 || status >= 500) {
            return new Delivery.Retry("push service answered " + status);
        }
        return new Delivery.Failed("push service refused the message (" + status + ")");
    }

    private static String audience(URI endpoint) {
        return endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
    }
}
