package io.vitrine.merchant.internal;

import io.vitrine.merchant.AbandonedByExpert;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Merchants {

    private final JdbcClient jdbc;
    private final Clock clock;

    Merchants(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Merchant> findBySlug(String slug) {
        return jdbc.sql("select * from merchant where slug = ?").param(slug).query(Merchants::map).optional();
    }

    Optional<Merchant> findById(UUID id) {
        return jdbc.sql("select * from merchant where id = ?").param(id).query(Merchants::map).optional();
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from merchant").query(Long.class).single() == 0;
    }

    Merchant create(String slug, String name, MerchantSettings settings) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into merchant (id, slug, name, button_color, button_position, button_label, collect_personal_data,
                    personal_data_fields, privacy_policy_url, routing_fallback_seconds, expert_capacity, coop_shopping,
                    abandoned_by_expert, embed_origins, created_at)
                values (:id, :slug, :name, :color, :position, :label, :collect, :fields, :privacy, :fallback, :capacity, :coop,
                    :abandoned, coalesce(:origins, ''), :now)
                """)
                .param("id", id).param("slug", slug).param("name", name)
                .params(settingsParams(settings))
                .param("now", Db.ts(Instant.now(clock)))
                .update();
        return findById(id).orElseThrow();
    }

    void updateSettings(UUID id, MerchantSettings settings) {
        jdbc.sql("""
                update merchant set button_color = :color, button_position = :position, button_label = :label,
                    collect_personal_data = :collect, personal_data_fields = :fields, privacy_policy_url = :privacy,
                    routing_fallback_seconds = :fallback, expert_capacity = :capacity, coop_shopping = :coop,
                    abandoned_by_expert = :abandoned, embed_origins = coalesce(:origins, embed_origins)
                where id = :id
                """)
                .params(settingsParams(settings))
                .param("id", id)
                .update();
    }

    private static java.util.Map<String, Object> settingsParams(MerchantSettings s) {
        var params = new java.util.HashMap<String, Object>();
        params.put("color", s.buttonColor().toLowerCase());
        params.put("position", s.buttonPosition());
        params.put("label", s.buttonLabel().strip());
        params.put("collect", s.collectPersonalData());
        params.put("fields", String.join(",", s.personalDataFields().stream().distinct().toList()));
        params.put("privacy", s.privacyPolicyUrl() == null || s.privacyPolicyUrl().isBlank() ? null : s.privacyPolicyUrl());
        params.put("fallback", s.routingFallbackSeconds());
        params.put("capacity", s.expertCapacity());
        params.put("coop", s.coopShopping());
        params.put("abandoned", s.abandonedByExpert().name());
        // Unsaid (null) keeps the stored sites; an empty list lets every site show the widget.
        params.put("origins", s.embedOrigins() == null ? null : String.join(" ", s.embedOrigins().stream().distinct().toList()));
        return params;
    }

    private static Merchant map(ResultSet rs, int row) throws SQLException {
        String fields = rs.getString("personal_data_fields");
        List<String> fieldList = fields.isBlank() ? List.of() : Arrays.asList(fields.split(","));
        var settings = new MerchantSettings(rs.getString("button_color"), rs.getString("button_position"),
                rs.getString("button_label"), rs.getBoolean("collect_personal_data"), fieldList,
                rs.getString("privacy_policy_url"), rs.getInt("routing_fallback_seconds"), rs.getInt("expert_capacity"),
                rs.getBoolean("coop_shopping"), AbandonedByExpert.valueOf(rs.getString("abandoned_by_expert")),
                origins(rs.getString("embed_origins")));
        return new Merchant(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"), settings);
    }

    private static List<String> origins(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(" "));
    }
}
