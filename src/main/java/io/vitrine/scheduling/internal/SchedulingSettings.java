package io.vitrine.scheduling.internal;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per merchant: whether scheduled streams and bookings are on (off until an admin turns them on), slot length. */
@Repository
class SchedulingSettings {

    static final int DEFAULT_MINUTES = 30;

    record Setting(boolean enabled, int slotMinutes) {}

    private final JdbcClient jdbc;

    SchedulingSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Setting of(UUID merchantId) {
        return jdbc.sql("select enabled, slot_minutes from scheduling_setting where merchant_id = ?").param(merchantId)
                .query((rs, row) -> new Setting(rs.getBoolean("enabled"), rs.getInt("slot_minutes"))).optional()
                .orElse(new Setting(false, DEFAULT_MINUTES));
    }

    void save(UUID merchantId, Setting setting) {
        int updated = jdbc.sql("update scheduling_setting set enabled = ?, slot_minutes = ? where merchant_id = ?")
                .params(setting.enabled(), setting.slotMinutes(), merchantId).update();
        if (updated == 0) {
            jdbc.sql("insert into scheduling_setting (merchant_id, enabled, slot_minutes) values (?, ?, ?)")
                    .params(merchantId, setting.enabled(), setting.slotMinutes()).update();
        }
    }

    Optional<ZoneId> customerZone(UUID dialogId) {
        return jdbc.sql("select zone from dialog_time_zone where dialog_id = ?").param(dialogId)
                .query(String.class).optional().map(ZoneId::of);
    }

    void setCustomerZone(UUID dialogId, ZoneId zone) {
        if (jdbc.sql("update dialog_time_zone set zone = ? where dialog_id = ?").params(zone.getId(), dialogId).update() == 0) {
            jdbc.sql("insert into dialog_time_zone (dialog_id, zone) values (?, ?) on conflict do nothing")
                    .params(dialogId, zone.getId()).update();
        }
    }
}
