package io.vitrine.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A schema of its own on the test PostgreSQL, so tests never see each other's rows and leave nothing behind.
 * VITRINE_TEST_PG_URL, _USER and _PASSWORD point it elsewhere than 127.0.0.1:5432/test as postgres. Flyway creates
 * the schema when Vitrine starts on it; {@link #drop()} (or {@link #close()}) removes it.
 */
public final class PostgresSchema implements AutoCloseable {

    private static final String URL = env("VITRINE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("VITRINE_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("VITRINE_TEST_PG_PASSWORD", "");

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    /** A fresh, random schema name starting with {@code prefix}; nothing is created yet. */
    public static PostgresSchema create(String prefix) {
        return new PostgresSchema(prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    /** Aborts the calling test (or class) with a printed reason when no PostgreSQL answers within a few seconds. */
    public PostgresSchema requireReachable() {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = connect()) {
            System.out.println("PostgreSQL tests run in schema " + name + " at " + URL);
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + "); skipping";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return this;
    }

    public String name() {
        return name;
    }

    /** The JDBC URL whose connections work in this schema. */
    public String jdbcUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** Points a Spring test context at this schema and lets Flyway create it. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::jdbcUrl);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.schemas", () -> name);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }

    /** The same settings as command-line arguments, for a Vitrine started in a process of its own. */
    public List<String> serverArguments() {
        return List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD, "--spring.flyway.schemas=" + name,
                "--spring.flyway.create-schemas=true");
    }

    /** Rows of a table of this schema. */
    public long count(String table) throws SQLException {
        try (Connection connection = connect();
                var result = connection.createStatement().executeQuery("select count(*) from " + name + "." + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Drops the schema with everything in it; a failure is printed, not thrown, so it never hides a test's result. */
    public void drop() {
        try (Connection connection = connect()) {
            connection.createStatement().execute("drop schema if exists " + name + " cascade");
        } catch (SQLException e) {
            System.out.println("Could not drop the test schema " + name + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        drop();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
