package io.vitrine.channels.internal;

import java.util.Map;

/** Short descriptions of the error codes Twilio puts on undelivered and failed messages (its error dictionary). */
final class TwilioDeliveryErrors {

    private static final Map<String, String> KNOWN = Map.of(
            "21610", "Attempt to send to unsubscribed recipient",
            "21211", "Invalid 'To' Phone Number",
            "30003", "Unreachable destination handset",
            "30004", "Message blocked",
            "30005", "Unknown destination handset",
            "30006", "Landline or unreachable carrier",
            "30007", "Message filtered by the carrier",
            "30008", "Unknown error");

    private TwilioDeliveryErrors() {}

    static String describe(String code) {
        return KNOWN.getOrDefault(code, "see https://www.twilio.com/docs/api/errors/" + code);
    }
}
