package io.vitrine.channels.internal;

import io.vitrine.channels.ChannelFailure;
import io.vitrine.channels.ChannelFailure.Reason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Cloud API's errors ({@code {"error": {"message", "type", "code", "error_data": {"details"}, "fbtrace_id"}}}, and
 * the same codes in a failed status webhook) as typed failures. Codes from Meta's WhatsApp Cloud API error codes page.
 */
final class MetaErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MetaErrors() {}

    static ChannelFailure of(int status, String body) {
        JsonNode error = parse(body).path("error");
        String code = error.path("code").isMissingNode() ? null : error.path("code").asString();
        String details = error.path("error_data").path("details").asString("");
        String message = error.path("message").asString("The WhatsApp Cloud API answered HTTP " + status);
        return new ChannelFailure(reason(status, code), code, details.isBlank() ? message : message + ": " + details);
    }

    static Reason reason(int status, String code) {
        return switch (code == null ? "" : code) {
            case "131047" -> Reason.OUTSIDE_SERVICE_WINDOW;            // Re-engagement message
            case "131050" -> Reason.RECIPIENT_OPTED_OUT;               // user stopped marketing messages
            case "131026", "131030", "131021" -> Reason.INVALID_RECIPIENT; // undeliverable / not allowed / sender = recipient
            case "190", "10", "200", "131031", "133010" -> Reason.NOT_CONFIGURED; // token, permission, account locked, not registered
            case "4", "80007", "130429", "131048", "131056", "131000", "131016", "2" -> Reason.UNAVAILABLE; // limits, service
            default -> status == 429 || status >= 500 ? Reason.UNAVAILABLE : Reason.REJECTED;
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
