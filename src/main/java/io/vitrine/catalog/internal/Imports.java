package io.vitrine.catalog.internal;

import io.vitrine.catalog.ImportFormat;
import io.vitrine.catalog.ImportJob;
import io.vitrine.catalog.ImportJob.RowError;
import io.vitrine.catalog.ImportStatus;
import io.vitrine.shared.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.vitrine.shared.Db.ts;

/** Import jobs and their bad rows, always read within a merchant. */
@Repository
class Imports {

    private final JdbcClient jdbc;

    Imports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID id, UUID merchantId, ImportFormat format, @Nullable String fileName, long bytesTotal,
            @Nullable UUID createdBy, Instant now) {
        jdbc.sql("""
                insert into catalog_import (id, merchant_id, format, file_name, status, bytes_total, bytes_read, rows_read,
                    rows_imported, error_count, created_by, created_at, updated_at)
                values (?, ?, ?, ?, 'QUEUED', ?, 0, 0, 0, 0, ?, ?, ?)""")
                .params(id, merchantId, format.name(), fileName, bytesTotal, createdBy, ts(now), ts(now)).update();
    }

    void progress(UUID id, ImportStatus status, long bytesRead, int rowsRead, int rowsImported, int errorCount, Instant now) {
        jdbc.sql("""
                update catalog_import set status = ?, bytes_read = ?, rows_read = ?, rows_imported = ?, error_count = ?,
                    updated_at = ? where id = ?""")
                .params(status.name(), bytesRead, rowsRead, rowsImported, errorCount, ts(now), id).update();
    }

    void finish(UUID id, ImportStatus status, @Nullable String message, Instant now) {
        jdbc.sql("update catalog_import set status = ?, message = ?, finished_at = ?, updated_at = ? where id = ?")
                .params(status.name(), message, ts(now), ts(now), id).update();
    }

    void addErrors(UUID id, List<RowError> errors) {
        for (RowError error : errors) {
            String reason = error.reason().length() > 1000 ? error.reason().substring(0, 1000) : error.reason();
            jdbc.sql("insert into catalog_import_error (import_id, line, reason) values (?, ?, ?)")
                    .params(id, error.line(), reason).update();
        }
    }

    Optional<Row> find(UUID merchantId, UUID id) {
        return jdbc.sql("select * from catalog_import where merchant_id = ? and id = ?").params(merchantId, id)
                .query(Imports::row).optional();
    }

    List<Row> recent(UUID merchantId, int limit) {
        return jdbc.sql("select * from catalog_import where merchant_id = ? order by created_at desc limit ?")
                .params(merchantId, limit).query(Imports::row).list();
    }

    List<RowError> errors(UUID id, int limit) {
        return jdbc.sql("select line, reason from catalog_import_error where import_id = ? order by line limit ?")
                .params(id, limit).query((rs, n) -> new RowError(rs.getLong("line"), rs.getString("reason"))).list();
    }

    boolean running(UUID merchantId, Instant stalledBefore) {
        return jdbc.sql("""
                select count(*) from catalog_import
                where merchant_id = ? and status in ('QUEUED', 'RUNNING') and updated_at >= ?""")
                .params(merchantId, ts(stalledBefore)).query(Long.class).single() > 0;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), ImportFormat.valueOf(rs.getString("format")),
                rs.getString("file_name"), ImportStatus.valueOf(rs.getString("status")), rs.getLong("bytes_total"),
                rs.getLong("bytes_read"), rs.getInt("rows_read"), rs.getInt("rows_imported"), rs.getInt("error_count"),
                rs.getString("message"), Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"),
                Db.instant(rs, "finished_at"));
    }

    record Row(UUID id, ImportFormat format, @Nullable String fileName, ImportStatus status, long bytesTotal,
            long bytesRead, int rowsRead, int rowsImported, int errorCount, @Nullable String message, Instant createdAt,
            Instant updatedAt, @Nullable Instant finishedAt) {

        /** A job that stopped reporting progress died with the server that ran it. */
        ImportJob view(List<RowError> errors, Instant stalledBefore) {
            boolean stalled = (status == ImportStatus.QUEUED || status == ImportStatus.RUNNING) && updatedAt.isBefore(stalledBefore);
            double progress = status == ImportStatus.DONE ? 1 : bytesTotal <= 0 ? 0 : Math.min(1, (double) bytesRead / bytesTotal);
            return new ImportJob(id, format, fileName, stalled ? ImportStatus.FAILED : status, progress, rowsRead,
                    rowsImported, errorCount, errors,
                    stalled ? "The import stopped: the server running it went away. Upload the file again." : message,
                    createdAt, finishedAt);
        }
    }
}
