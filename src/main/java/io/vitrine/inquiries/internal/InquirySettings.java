package io.vitrine.inquiries.internal;

import io.vitrine.merchant.Member;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.TeamApi;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per merchant: whether the request page is on (it is, until an admin turns it off), the brand's account (the team
 * member whose login email receives the requests; an admin until one is chosen) and the brand's time zone.
 */
@Repository
class InquirySettings {

    record Setting(boolean enabled, UUID accountMemberId, ZoneId zone) {}

    private final JdbcClient jdbc;
    private final TeamApi team;

    InquirySettings(JdbcClient jdbc, TeamApi team) {
        this.jdbc = jdbc;
        this.team = team;
    }

    Setting of(UUID merchantId) {
        Setting stored = jdbc.sql("select enabled, account_member_id, zone from inquiry_setting where merchant_id = ?")
                .param(merchantId)
                .query((rs, row) -> new Setting(rs.getBoolean("enabled"), rs.getObject("account_member_id", UUID.class),
                        ZoneId.of(rs.getString("zone"))))
                .optional().orElse(new Setting(true, null, ZoneId.of("UTC")));
        if (stored.accountMemberId() != null && team.findMember(stored.accountMemberId())
                .filter(m -> m.merchantId().equals(merchantId)).isPresent()) {
            return stored;
        }
        return new Setting(stored.enabled(), firstAdmin(merchantId).map(Member::id).orElse(null), stored.zone());
    }

    void save(UUID merchantId, Setting setting) {
        int updated = jdbc.sql("update inquiry_setting set enabled = ?, account_member_id = ?, zone = ? where merchant_id = ?")
                .params(setting.enabled(), setting.accountMemberId(), setting.zone().getId(), merchantId).update();
        if (updated == 0) {
            jdbc.sql("insert into inquiry_setting (merchant_id, enabled, account_member_id, zone) values (?, ?, ?, ?)")
                    .params(merchantId, setting.enabled(), setting.accountMemberId(), setting.zone().getId()).update();
        }
    }

    private Optional<Member> firstAdmin(UUID merchantId) {
        return team.members(merchantId).stream().filter(m -> m.role() == Role.ADMIN)
                .min(Comparator.comparing(Member::email));
    }
}
