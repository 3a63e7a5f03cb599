package io.vitrine.channels.demo;

import io.vitrine.channels.Channel;
import io.vitrine.channels.OptOutKeywords;
import io.vitrine.channels.internal.ChannelAccounts;
import io.vitrine.channels.internal.ProviderEndpoints;
import io.vitrine.channels.internal.TwilioAccount;
import io.vitrine.shared.DemoOnly;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's Messaging API as documented ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}), for demo mode:
 * checks the Basic credentials, refuses what Twilio refuses with Twilio's codes (21610 after the shopper's STOP), keeps
 * the message for the shopper's demo phone, answers Twilio's JSON and then reports sent and delivered to the
 * StatusCallback.
 */
@RestController
@DemoOnly
@RequestMapping(ProviderEndpoints.DEMO_TWILIO + "/2010-04-01/Accounts/{accountSid}")
class DemoTwilioController {

    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ChannelAccounts accounts;
    private final DemoMessages messages;
    private final DemoCallbacks callbacks;
    private final Clock clock;

    DemoTwilioController(ChannelAccounts accounts, DemoMessages messages, DemoCallbacks callbacks, Clock clock) {
        this.accounts = accounts;
        this.messages = messages;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @PostMapping(path = "/Messages.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> send(@PathVariable String accountSid,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam(name = "To", required = false) String to, @RequestParam(name = "From", required = false) String from,
            @RequestParam(name = "Body", required = false) String body,
            @RequestParam(name = "StatusCallback", required = false) String statusCallback) {
        Optional<TwilioAccount> account = accounts.twilioBySid(accountSid).filter(a -> authenticates(a, authorization));
        if (account.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, 20003, "Authenticate");
        }
        if (to == null || to.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, 21604, "A 'To' phone number is required.");
        }
        if (!to.matches("\\+[1-9][0-9]{6,14}")) {
            return error(HttpStatus.BAD_REQUEST, 21211, "The 'To' number " + to + " is not a valid phone number.");
        }
        if (from == null || !account.get().numbers().contains(from)) {
            return error(HttpStatus.BAD_REQUEST, 21606,
                    "The From phone number " + from + " is not a valid, SMS-capable inbound phone number or short code for your account.");
        }
        if (body == null || body.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, 21602, "Message body is required.");
        }
        if (optedOut(from, to)) {
            return error(HttpStatus.BAD_REQUEST, 21610, "Attempt to send to unsubscribed recipient");
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        var now = clock.instant();
        messages.add(new DemoMessage(UUID.randomUUID(), account.get().merchantId(), Channel.SMS, DemoMessage.Direction.TO_SHOPPER,
                from, to, body, null, null, null, null, sid, "queued", now));
        if (statusCallback != null && !statusCallback.isBlank()) {
            reportDelivery(account.get(), sid, from, to, URI.create(statusCallback).getRawPath());
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("account_sid", accountSid);
        message.put("api_version", "2010-04-01");
        message.put("body", body);
        message.put("date_created", RFC_2822.format(now));
        message.put("direction", "outbound-api");
        message.put("error_code", null);
        message.put("error_message", null);
        message.put("from", from);
        message.put("num_media", "0");
        message.put("num_segments", "1");
        message.put("sid", sid);
        message.put("status", "queued");
        message.put("to", to);
        message.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json");
        return ResponseEntity.status(HttpStatus.CREATED).body(message);
    }

    /** Twilio keeps a STOP until the shopper sends START (Advanced Opt-Out): the newest keyword decides. */
    private boolean optedOut(String business, String shopper) {
        for (DemoMessage sent : messages.fromShopper(Channel.SMS, business, shopper)) {
            var keyword = OptOutKeywords.classify(Channel.SMS, sent.body() == null ? "" : sent.body());
            if (keyword == OptOutKeywords.Keyword.OPT_OUT) {
                return true;
            }
            if (keyword == OptOutKeywords.Keyword.OPT_IN) {
                return false;
            }
        }
        return false;
    }

    private void reportDelivery(TwilioAccount account, String sid, String from, String to, String callbackPath) {
        if (!callbackPath.startsWith("/api/v1/channels/twilio/")) {
            return; // the demo provider calls nothing but Vitrine's own webhooks
        }
        callbacks.afterwards(() -> {
            for (String status : new String[] {"sent", "delivered"}) {
                messages.setStatus(sid, status);
                Map<String, String> params = new LinkedHashMap<>();
                params.put("AccountSid", account.accountSid());
                params.put("ApiVersion", "2010-04-01");
                params.put("From", from);
                params.put("MessageSid", sid);
                params.put("MessageStatus", status);
                params.put("SmsSid", sid);
                params.put("SmsStatus", status);
                params.put("To", to);
                callbacks.twilio(callbackPath, params, account.authToken());
            }
        });
    }

    private static boolean authenticates(TwilioAccount account, String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        byte[] expected = (account.accountSid() + ":" + account.authToken()).getBytes(StandardCharsets.UTF_8);
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(authorization.substring(6).strip()));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status.value());
        return ResponseEntity.status(status).body(body);
    }
}
