package io.vitrine.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The providers' documented signature examples, computed and verified. */
class SignatureVectorsUnitTest {

    /** Twilio's security docs: the URL, Auth Token 12345 and the parameters of a call, signed as RequestValidator does. */
    private static final String TWILIO_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> TWILIO_PARAMS = new LinkedHashMap<>(Map.of(
            "CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+14158675310"),
            "Digits", List.of("1234"),
            "From", List.of("+14158675310"),
            "To", List.of("+18005551212")));

    @Test
    void shouldComputeTwiliosDocumentedSignature() {
        assertThat(TwilioSignature.sign("12345", TWILIO_URL, TWILIO_PARAMS)).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
        assertThat(TwilioSignature.valid("12345", TWILIO_URL, TWILIO_PARAMS, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isTrue();
    }

    @Test
    void shouldRefuseAChangedParameterUrlOrToken() {
        var changed = new LinkedHashMap<>(TWILIO_PARAMS);
        changed.put("Digits", List.of("1235"));

        assertThat(TwilioSignature.valid("12345", TWILIO_URL, changed, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isFalse();
        assertThat(TwilioSignature.valid("12345", TWILIO_URL.replace("foo=1", "foo=2"), TWILIO_PARAMS,
                "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isFalse();
        assertThat(TwilioSignature.valid("54321", TWILIO_URL, TWILIO_PARAMS, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isFalse();
        assertThat(TwilioSignature.valid("12345", TWILIO_URL, TWILIO_PARAMS, "")).isFalse();
    }

    @Test
    void shouldAcceptTheUrlWithOrWithoutTheDefaultPortAsTwiliosValidatorDoes() {
        String withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";

        assertThat(TwilioSignature.valid("12345", withPort, TWILIO_PARAMS, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isTrue();
        String signedWithPort = TwilioSignature.sign("12345", withPort, TWILIO_PARAMS);
        assertThat(TwilioSignature.valid("12345", TWILIO_URL, TWILIO_PARAMS, signedWithPort)).isTrue();
    }

    @Test
    void shouldSortRepeatedParameterValues() {
        var a = Map.of("MediaUrl", List.of("b", "a"));
        var b = Map.of("MediaUrl", List.of("a", "b"));

        assertThat(TwilioSignature.sign("t", "https://x.test/", a)).isEqualTo(TwilioSignature.sign("t", "https://x.test/", b));
    }

    /**
     * Meta's X-Hub-Signature-256: sha256= hex HMAC-SHA256 of the raw body. Vector checked with
     * {@code printf '%s' '{"object":"whatsapp_business_account","entry":[]}' | openssl dgst -sha256 -hmac app-secret}.
     */
    @Test
    void shouldComputeMetasBodySignature() {
        byte[] body = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
        String expected = "sha256=" + OPENSSL_VECTOR;

        assertThat(MetaSignature.sign("app-secret", body)).isEqualTo(expected);
        assertThat(MetaSignature.valid("app-secret", body, expected)).isTrue();
        assertThat(MetaSignature.valid("app-secret", body, expected.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
        assertThat(MetaSignature.valid("other-secret", body, expected)).isFalse();
        assertThat(MetaSignature.valid("app-secret", "{}".getBytes(StandardCharsets.UTF_8), expected)).isFalse();
        assertThat(MetaSignature.valid("app-secret", body, OPENSSL_VECTOR)).as("without the sha256= prefix").isFalse();
    }

    private static final String OPENSSL_VECTOR = "d3e4f9da0ce6c71ab3dba55929b8eeeee2455349e534924ead19f98d143e904f";
}
