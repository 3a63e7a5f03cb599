package io.vitrine.contacts.internal;

import io.vitrine.contacts.ChannelAdapter;
import io.vitrine.contacts.ContactChannel;
import io.vitrine.shared.Db;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The proxy address of each expert on each channel, issued on first use and kept for good. */
@Repository
class Proxies {

    record Proxy(UUID merchantId, UUID memberId, ContactChannel channel, String address) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Proxies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Proxy of(ChannelAdapter adapter, UUID merchantId, UUID memberId, String name) {
        return find(memberId, adapter.channel()).orElseGet(() -> issue(adapter, merchantId, memberId, name));
    }

    Optional<Proxy> find(UUID memberId, ContactChannel channel) {
        return jdbc.sql("select * from contact_proxy where member_id = ? and channel = ?")
                .params(memberId, channel.name()).query(Proxies::row).optional();
    }

    Optional<Proxy> byAddress(String address) {
        return jdbc.sql("select * from contact_proxy where address = ?").param(address.toLowerCase(Locale.ROOT))
                .query(Proxies::row).optional();
    }

    /** The addresses already issued on a channel by the merchant (a pool number goes to one expert only). */
    java.util.Set<String> taken(UUID merchantId, ContactChannel channel) {
        return java.util.Set.copyOf(jdbc.sql("select address from contact_proxy where merchant_id = ? and channel = ?")
                .params(merchantId, channel.name()).query(String.class).list());
    }

    private Proxy issue(ChannelAdapter adapter, UUID merchantId, UUID memberId, String name) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String address = adapter.proxyAddress(merchantId, memberId, name).toLowerCase(Locale.ROOT);
            try {
                jdbc.sql("""
                        insert into contact_proxy (id, merchant_id, member_id, channel, address, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(UUID.randomUUID(), merchantId, memberId, adapter.channel().name(), address,
                                Db.ts(clock.instant()))
                        .update();
                return new Proxy(merchantId, memberId, adapter.channel(), address);
            } catch (DuplicateKeyException taken) {
                Optional<Proxy> mine = find(memberId, adapter.channel());
                if (mine.isPresent()) {
                    return mine.get();
                }
            }
        }
        throw new IllegalStateException("No free proxy address for member " + memberId);
    }

    private static Proxy row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Proxy(rs.getObject("merchant_id", UUID.class), rs.getObject("member_id", UUID.class),
                ContactChannel.valueOf(rs.getString("channel")), rs.getString("address"));
    }
}
