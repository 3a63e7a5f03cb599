package io.vitrine.channels.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A merchant's WhatsApp Cloud API set-up with its decrypted secrets; never leaves the module. */
public record WhatsAppAccount(UUID merchantId, @Nullable String accessToken, @Nullable String appSecret,
        @Nullable String verifyToken, List<WhatsAppNumber> numbers) {

    /** A WhatsApp Business number and the Cloud API's phone-number ID that sends from it. */
    public record WhatsAppNumber(String phoneNumberId, String number) {}

    public Optional<WhatsAppNumber> byNumber(String number) {
        return numbers.stream().filter(n -> n.number().equals(number)).findFirst();
    }

    public Optional<WhatsAppNumber> byPhoneNumberId(String phoneNumberId) {
        return numbers.stream().filter(n -> n.phoneNumberId().equals(phoneNumberId)).findFirst();
    }

    @Override
    public String toString() {
        return "WhatsAppAccount[numbers=" + numbers + "]";
    }
}
