package io.vitrine.scheduling.internal;

import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

/** The links into appointment rooms (table appointment_pass). */
@Repository
class AppointmentPasses {

    enum Role { HOST, GUEST }

    /**
     * @param email      where a Guest's invitation goes, or null for a link the Host passes on themselves
     * @param shopperId  who holds the pass once it was first used (a Guest), the booker for a Host's pass
     */
    record Pass(UUID id, UUID appointmentId, Role role, String token, String email, UUID shopperId, Instant createdAt) {

        /** The widget page that opens the room with this pass; made absolute where it is sent. */
        String link(String merchantSlug) {
            return "/widget/" + merchantSlug + "?appointment=" + token;
        }
    }

    private final JdbcClient jdbc;

    AppointmentPasses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Pass p) {
        jdbc.sql("""
                insert into appointment_pass (id, appointment_id, role, token, email, shopper_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(p.id(), p.appointmentId(), p.role().name(), p.token(), p.email(), p.shopperId(), ts(p.createdAt()))
                .update();
    }

    Optional<Pass> byToken(String token) {
        return jdbc.sql("select * from appointment_pass where token = ?").param(token).query(AppointmentPasses::map).optional();
    }

    Optional<Pass> find(UUID id) {
        return jdbc.sql("select * from appointment_pass where id = ?").param(id).query(AppointmentPasses::map).optional();
    }

    List<Pass> ofAppointment(UUID appointmentId) {
        return jdbc.sql("select * from appointment_pass where appointment_id = ? order by created_at, id")
                .param(appointmentId).query(AppointmentPasses::map).list();
    }

    Optional<Pass> host(UUID appointmentId) {
        return ofAppointment(appointmentId).stream().filter(p -> p.role() == Role.HOST).findFirst();
    }

    /** The Guest's identity, made when they first used their pass. */
    void heldBy(UUID passId, UUID shopperId) {
        jdbc.sql("update appointment_pass set shopper_id = ? where id = ?").params(shopperId, passId).update();
    }

    private static Pass map(ResultSet rs, int row) throws SQLException {
        return new Pass(rs.getObject("id", UUID.class), rs.getObject("appointment_id", UUID.class),
                Role.valueOf(rs.getString("role")), rs.getString("token"), rs.getString("email"),
                rs.getObject("shopper_id", UUID.class), Db.instant(rs, "created_at"));
    }
}
