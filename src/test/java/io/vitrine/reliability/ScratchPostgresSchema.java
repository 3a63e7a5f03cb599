package io.vitrine.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own on the test PostgreSQL (VITRINE_TEST_PG_URL, _USER, _PASSWORD; 127.0.0.1:5432/test as postgres
 * by default), dropped on close. Aborts the calling test when no server is reachable.
 */
final class ScratchPostgresSchema implements AutoCloseable {

    private static final String URL = env("VITRINE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("VITRINE_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("VITRINE_TEST_PG_PASSWORD", "");

    private final String schema = "vitrine_evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    static ScratchPostgresSchema requireReachable() {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return new ScratchPostgresSchema();
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + "); skipping";
            System.out.println(reason);
            Assumptions.abort(reason);
            throw new IllegalStateException(reason);
        }
    }

    /** Command-line arguments that point Vitrine at this schema and let Flyway create it. */
    List<String> serverArguments() {
        return List.of("--spring.datasource.url=" + URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD,
                "--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true");
    }

    /** Rows of a table of this schema. */
    long count(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                var result = connection.createStatement().executeQuery("select count(*) from " + schema + "." + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.createStatement().execute("drop schema if exists " + schema + " cascade");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
