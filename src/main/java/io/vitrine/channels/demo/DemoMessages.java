package io.vitrine.channels.demo;

import io.vitrine.channels.Channel;
import io.vitrine.shared.Db;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the demo provider carried, kept in the database like a provider's message log. */
@Repository
class DemoMessages {

    private final JdbcClient jdbc;

    DemoMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(DemoMessage m) {
        jdbc.sql("""
                        insert into channel_demo_message (id, merchant_id, channel, direction, business_number, shopper_number,
                            body, media_url, link_url, template_name, buttons, provider_message_id, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.merchantId(), m.channel().name(), m.direction().name(), m.businessNumber(),
                        m.shopperNumber(), m.body(), m.mediaUrl(), m.linkUrl(), m.templateName(), m.quickReply(),
                        m.providerMessageId(), m.status(), Db.ts(m.at()))
                .update();
    }

    void setStatus(String providerMessageId, String status) {
        jdbc.sql("update channel_demo_message set status = ? where provider_message_id = ?").params(status, providerMessageId).update();
    }

    /** The shopper's phone: every message to and from the number, oldest first (the last 500). */
    List<DemoMessage> ofShopper(String shopperNumber) {
        List<DemoMessage> newest = jdbc.sql("select * from channel_demo_message where shopper_number = ? order by created_at desc, id limit 500")
                .param(shopperNumber).query(DemoMessages::map).list();
        return newest.reversed();
    }

    /** The shopper's messages to one business number on one channel, newest first. */
    List<DemoMessage> fromShopper(Channel channel, String businessNumber, String shopperNumber) {
        return jdbc.sql("""
                        select * from channel_demo_message where channel = ? and direction = 'FROM_SHOPPER'
                        and business_number = ? and shopper_number = ? order by created_at desc limit 200""")
                .params(channel.name(), businessNumber, shopperNumber).query(DemoMessages::map).list();
    }

    Optional<DemoMessage> byProviderId(String providerMessageId) {
        return jdbc.sql("select * from channel_demo_message where provider_message_id = ?").param(providerMessageId)
                .query(DemoMessages::map).optional();
    }

    private static DemoMessage map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new DemoMessage(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                Channel.valueOf(rs.getString("channel")), DemoMessage.Direction.valueOf(rs.getString("direction")),
                rs.getString("business_number"), rs.getString("shopper_number"), rs.getString("body"),
                rs.getString("media_url"), rs.getString("link_url"), rs.getString("template_name"), rs.getString("buttons"),
                rs.getString("provider_message_id"), rs.getString("status"), Db.instant(rs, "created_at"));
    }
}
