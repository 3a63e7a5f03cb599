package io.vitrine.sales;

import java.util.UUID;

/**
 * Signs a delivery of our generic order webhook ({@code Vitrine-Signature}, docs/sales.md) the way a merchant's shop
 * does, with the merchant's secret, which never leaves the server. The demo shop posts its orders back with it.
 */
public interface OrderWebhookSigner {

    /**
     * The {@code Vitrine-Signature} header value for this exact body, timed now. A merchant without a generic webhook
     * secret first gets a random one (an admin may replace it at any time).
     */
    String sign(UUID merchantId, byte[] body);
}
