package io.vitrine.sales.internal;

import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.sales.NewOrder;
import io.vitrine.sales.Order;
import io.vitrine.sales.OrderWebhookSigner;
import io.vitrine.shared.DomainException;
import io.vitrine.shared.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes order webhooks: finds the merchant of the URL, checks the signature with that merchant's secret, refuses a
 * delivery already taken, then places the order. The delivery is remembered in the order's transaction, so a
 * delivery that failed may be retried by the shop.
 */
@Service
@EnableConfigurationProperties(SalesProperties.class)
public class WebhookService implements OrderWebhookSigner {

    private final MerchantApi merchants;
    private final WebhookSecrets secrets;
    private final SalesService sales;
    private final JsonMapper json;
    private final SalesProperties properties;
    private final Clock clock;

    WebhookService(MerchantApi merchants, WebhookSecrets secrets, SalesService sales, JsonMapper json,
            SalesProperties properties, Clock clock) {
        this.merchants = merchants;
        this.secrets = secrets;
        this.sales = sales;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Order shopify(String merchantSlugOrId, byte[] body, @Nullable String hmac, @Nullable String webhookId,
            @Nullable String triggeredAt) {
        Merchant merchant = merchant(merchantSlugOrId);
        String secret = secret(merchant, WebhookSecrets.Kind.SHOPIFY);
        Instant now = clock.instant();
        refuse(WebhookSignatures.checkShopify(secret, body, hmac, triggeredAt, now, properties.webhookTolerance()));
        if (webhookId == null || webhookId.isBlank()) {
            throw new DomainException(DomainException.Kind.INVALID, "webhook_id_missing",
                    "The X-Shopify-Webhook-Id header is required.");
        }
        remember(merchant, WebhookSecrets.Kind.SHOPIFY, webhookId.strip(), now);
        return sales.placeOrder(OrderPayloads.shopify(json, merchant.id(), body));
    }

    @Transactional
    public Order vitrine(String merchantSlugOrId, byte[] body, @Nullable String signature) {
        Merchant merchant = merchant(merchantSlugOrId);
        String secret = secret(merchant, WebhookSecrets.Kind.VITRINE);
        Instant now = clock.instant();
        refuse(WebhookSignatures.checkVitrine(secret, body, signature, now, properties.webhookTolerance()));
        // A signature covers the time and the body: the same header seen twice is the same delivery.
        remember(merchant, WebhookSecrets.Kind.VITRINE, SecretTokens.hash(signature == null ? "" : signature), now);
        NewOrder order = OrderPayloads.vitrine(json, merchant.id(), body);
        return sales.placeOrder(order);
    }

    @Override
    @Transactional
    public String sign(UUID merchantId, byte[] body) {
        Instant now = clock.instant();
        String secret = secrets.of(merchantId, WebhookSecrets.Kind.VITRINE).orElseGet(() -> {
            String fresh = SecretTokens.newToken();
            secrets.set(merchantId, WebhookSecrets.Kind.VITRINE, fresh, now);
            return fresh;
        });
        long t = now.getEpochSecond();
        return "t=" + t + ",v1=" + WebhookSignatures.vitrineSignature(secret, t, body);
    }

    @Transactional
    public void setSecret(UUID merchantId, String kind, @Nullable String secret) {
        WebhookSecrets.Kind k = kind(kind);
        if (secret == null || secret.isBlank()) {
            secrets.remove(merchantId, k);
            return;
        }
        if (secret.strip().length() < 16 || secret.strip().length() > 200) {
            throw DomainException.invalidField("secret", "A webhook secret has 16 to 200 characters.");
        }
        secrets.set(merchantId, k, secret.strip(), clock.instant());
    }

    public boolean isSet(UUID merchantId, String kind) {
        return secrets.isSet(merchantId, kind(kind));
    }

    private static WebhookSecrets.Kind kind(String kind) {
        try {
            return WebhookSecrets.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("The webhook kind '" + kind + "'");
        }
    }

    private void remember(Merchant merchant, WebhookSecrets.Kind kind, String deliveryId, Instant now) {
        if (deliveryId.length() > 200 || !secrets.firstDelivery(merchant.id(), kind, deliveryId, now)) {
            throw DomainException.conflict("webhook_replayed", "This delivery was received before.");
        }
    }

    private static void refuse(WebhookSignatures.@Nullable Refusal refusal) {
        if (refusal != null) {
            throw new DomainException(DomainException.Kind.UNAUTHENTICATED, refusal.code, refusal.message);
        }
    }

    /** Without a secret nothing can be verified, so nothing is taken; the answer looks like a forged signature. */
    private String secret(Merchant merchant, WebhookSecrets.Kind kind) {
        return secrets.of(merchant.id(), kind).orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHENTICATED,
                WebhookSignatures.Refusal.FORGED.code, WebhookSignatures.Refusal.FORGED.message));
    }

    private Merchant merchant(String slugOrId) {
        Optional<Merchant> bySlug = merchants.findBySlug(slugOrId);
        if (bySlug.isPresent()) {
            return bySlug.get();
        }
        try {
            return merchants.get(UUID.fromString(slugOrId));
        } catch (RuntimeException e) {
            throw DomainException.notFound("Merchant '" + slugOrId + "'");
        }
    }
}
