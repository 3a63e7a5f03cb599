package io.vitrine.channels;

import java.util.UUID;

/** SMS through the merchant's Twilio account (Messaging API). */
public interface SmsGateway {

    /**
     * Sends {@code text} from one of the merchant's proxy numbers. A second call with the same {@code idempotencyKey}
     * after a success answers the first message and sends nothing. Numbers are E.164 ({@code +4915112345678}).
     *
     * @throws ChannelFailure when the provider refuses or cannot be reached
     */
    ProviderMessage send(UUID merchantId, String fromNumber, String toNumber, String text, String idempotencyKey);
}
