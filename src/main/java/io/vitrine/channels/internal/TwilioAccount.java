package io.vitrine.channels.internal;

import java.util.List;
import java.util.UUID;

/** A merchant's Twilio account with its decrypted Auth Token; never leaves the module. */
public record TwilioAccount(UUID merchantId, String accountSid, String authToken, List<String> numbers) {

    @Override
    public String toString() {
        return "TwilioAccount[" + accountSid + ", numbers=" + numbers + "]";
    }
}
