package io.vitrine.commerce.internal;

import io.vitrine.commerce.CartHandoff;
import io.vitrine.commerce.CommerceSettings;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Each merchant's commerce settings; a merchant who never saved any has the defaults. */
@Repository
class CommerceSettingsStore {

    private final JdbcClient jdbc;

    CommerceSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CommerceSettings of(UUID merchantId) {
        return jdbc.sql("select cart_handoff, shop_domain from commerce_settings where merchant_id = ?")
                .param(merchantId)
                .query((rs, n) -> new CommerceSettings(CartHandoff.valueOf(rs.getString("cart_handoff")),
                        rs.getString("shop_domain")))
                .optional().orElseGet(CommerceSettings::defaults);
    }

    @Transactional
    void save(UUID merchantId, CommerceSettings settings) {
        String domain = settings.shopDomain() == null || settings.shopDomain().isBlank() ? null
                : settings.shopDomain().strip().toLowerCase(Locale.ROOT);
        int updated = jdbc.sql("update commerce_settings set cart_handoff = ?, shop_domain = ? where merchant_id = ?")
                .params(settings.cartHandoff().name(), domain, merchantId).update();
        if (updated == 0) {
            jdbc.sql("insert into commerce_settings (merchant_id, cart_handoff, shop_domain) values (?, ?, ?)")
                    .params(merchantId, settings.cartHandoff().name(), domain).update();
        }
    }
}
