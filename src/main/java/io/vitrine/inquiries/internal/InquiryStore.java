package io.vitrine.inquiries.internal;

import io.vitrine.inquiries.InquiryKind;
import io.vitrine.inquiries.InquiryStatus;
import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The requests; every read is filtered by merchant, so another merchant's request is a missing one. */
@Repository
class InquiryStore {

    private static final String COLUMNS = "id, kind, status, name, email, phone, company, message, requested_start, zone, "
            + "appointment_id, confirmed_start, decided_at, created_at";

    private final JdbcClient jdbc;

    InquiryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID merchantId, Inquiry inquiry, UUID shopperId) {
        jdbc.sql("insert into inquiry (id, merchant_id, kind, status, name, email, phone, company, message, requested_start, "
                        + "zone, shopper_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(inquiry.id(), merchantId, inquiry.kind().name(), inquiry.status().name(), inquiry.name(),
                        inquiry.email(), inquiry.phone(), inquiry.company(), inquiry.message(),
                        Db.ts(inquiry.requestedStart()), inquiry.zone(), shopperId, Db.ts(inquiry.createdAt()))
                .update();
    }

    /** Newest first; only those of the status when one is given. */
    List<Inquiry> list(UUID merchantId, InquiryStatus status) {
        String order = " order by created_at desc, id limit 500";
        if (status == null) {
            return jdbc.sql("select " + COLUMNS + " from inquiry where merchant_id = ?" + order)
                    .param(merchantId).query(InquiryStore::row).list();
        }
        return jdbc.sql("select " + COLUMNS + " from inquiry where merchant_id = ? and status = ?" + order)
                .params(merchantId, status.name()).query(InquiryStore::row).list();
    }

    /** The request, its row locked until the transaction ends. */
    Optional<Inquiry> lock(UUID merchantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from inquiry where merchant_id = ? and id = ? for update")
                .params(merchantId, id).query(InquiryStore::row).optional();
    }

    Optional<UUID> shopperOf(UUID id) {
        return jdbc.sql("select shopper_id from inquiry where id = ?").param(id).query(UUID.class).optional();
    }

    void decide(UUID id, InquiryStatus status, UUID memberId, Instant at, UUID appointmentId, Instant confirmedStart) {
        jdbc.sql("update inquiry set status = ?, decided_by = ?, decided_at = ?, appointment_id = ?, confirmed_start = ? "
                        + "where id = ?")
                .params(status.name(), memberId, Db.ts(at), appointmentId, Db.ts(confirmedStart), id).update();
    }

    private static Inquiry row(ResultSet rs, int row) throws SQLException {
        return new Inquiry(rs.getObject("id", UUID.class), InquiryKind.valueOf(rs.getString("kind")),
                InquiryStatus.valueOf(rs.getString("status")), rs.getString("name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("company"), rs.getString("message"), Db.instant(rs, "requested_start"),
                rs.getString("zone"), rs.getObject("appointment_id", UUID.class), Db.instant(rs, "confirmed_start"),
                Db.instant(rs, "decided_at"), Db.instant(rs, "created_at"));
    }
}
