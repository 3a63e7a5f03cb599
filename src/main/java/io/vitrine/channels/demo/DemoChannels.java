package io.vitrine.channels.demo;

import io.vitrine.channels.internal.ChannelAccounts;
import io.vitrine.channels.internal.WhatsAppAccount;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.shared.SecretTokens;
import io.vitrine.shared.VitrineProperties;
import java.util.HexFormat;
import java.util.List;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the demo merchant a Twilio account with two SMS numbers and a WhatsApp Business number, with credentials made
 * up on the spot: the demo provider checks them like the real ones. Runs after the demo merchant is seeded, in demo
 * mode only.
 */
@Component
class DemoChannels {

    static final String MERCHANT = "demo";
    static final String SHOPPER = "+15550123456";
    static final List<String> SMS_NUMBERS = List.of("+15550100100", "+15550100101");
    static final String WHATSAPP_NUMBER = "+15550100200";

    private static final Logger LOG = LoggerFactory.getLogger(DemoChannels.class);

    private final MerchantApi merchants;
    private final ChannelAccounts accounts;
    private final boolean demoMode;

    DemoChannels(MerchantApi merchants, ChannelAccounts accounts, VitrineProperties vitrine) {
        this.merchants = merchants;
        this.accounts = accounts;
        this.demoMode = vitrine.demo();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void seed() {
        if (!demoMode) {
            return;
        }
        merchants.findBySlug(MERCHANT).ifPresent(demo -> {
            if (accounts.twilio(demo.id()).isPresent()) {
                return;
            }
            byte[] sid = new byte[16];
            new SecureRandom().nextBytes(sid);
            accounts.saveTwilio(demo.id(), "AC" + HexFormat.of().formatHex(sid), SecretTokens.newToken(), SMS_NUMBERS);
            String phoneNumberId = String.valueOf(100_000_000_000L + new SecureRandom().nextLong(900_000_000_000L));
            accounts.saveWhatsApp(demo.id(), SecretTokens.newToken(), SecretTokens.newToken(), SecretTokens.newToken(),
                    List.of(new WhatsAppAccount.WhatsAppNumber(phoneNumberId, WHATSAPP_NUMBER)));
            LOG.info("Demo mode: the demo merchant has SMS numbers {} and WhatsApp number {}; the shopper's phone is /demo/phone",
                    SMS_NUMBERS, WHATSAPP_NUMBER);
        });
    }
}
