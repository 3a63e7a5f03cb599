package io.vitrine.channels.internal;

import io.vitrine.channels.ChannelFailure;
import io.vitrine.channels.ChannelFailure.Reason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's error responses ({@code {"code": 21610, "message": "...", "more_info": "...", "status": 400}}) as typed
 * failures. Codes from Twilio's error dictionary; HTTP 429 and 5xx are worth retrying, the rest are not.
 */
final class TwilioErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TwilioErrors() {}

    static ChannelFailure of(int status, String body) {
        JsonNode error = parse(body);
        String code = error.path("code").isMissingNode() || error.path("code").isNull() ? null : error.path("code").asString();
        String message = error.path("message").asString("Twilio answered HTTP " + status);
        return new ChannelFailure(reason(status, code), code, message);
    }

    static Reason reason(int status, String code) {
        if (status == 429 || status >= 500) {
            return Reason.UNAVAILABLE;
        }
        return switch (code == null ? "" : code) {
            case "21610" -> Reason.RECIPIENT_OPTED_OUT;         // Attempt to send to unsubscribed recipient
            case "21211", "21614", "21612", "21408" -> Reason.INVALID_RECIPIENT; // invalid / not mobile / unreachable / region
            case "20003", "20404", "21606", "21659", "21212" -> Reason.NOT_CONFIGURED; // auth, unknown account, From not ours
            case "20429", "14107" -> Reason.UNAVAILABLE;        // too many requests
            default -> Reason.REJECTED;
        };
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }
}
