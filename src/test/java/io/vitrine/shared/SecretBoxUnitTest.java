package io.vitrine.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretBoxUnitTest {

    private final SecretBox box = new SecretBox(key(1), "vitrine.channels.secret-key");

    @Test
    void shouldOpenWhatItSealedAndNeverStoreThePlaintext() {
        String sealed = box.seal("auth-token-123", "m1/twilio.auth-token");

        assertThat(sealed).startsWith("v1:").doesNotContain("auth-token-123");
        assertThat(box.seal("auth-token-123", "m1/twilio.auth-token")).as("fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed, "m1/twilio.auth-token")).isEqualTo("auth-token-123");
    }

    @Test
    void shouldNotOpenForAnotherMerchantOrFieldOrWithAnotherKey() {
        String sealed = box.seal("auth-token-123", "m1/twilio.auth-token");

        assertThatThrownBy(() -> box.open(sealed, "m2/twilio.auth-token")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(sealed, "m1/whatsapp.app-secret")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(key(2), "vitrine.channels.secret-key").open(sealed, "m1/twilio.auth-token"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("secret-key");
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
