package io.vitrine.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The search contract on PostgreSQL (full-text search with its GIN index), in a schema of its own that is dropped
 * afterwards. Skipped with a printed reason when no PostgreSQL is reachable; VITRINE_TEST_PG_URL, _USER and
 * _PASSWORD point it elsewhere than 127.0.0.1:5432/test as postgres.
 */
@SpringBootTest(properties = "vitrine.demo=false")
@DirtiesContext
class PostgresCatalogSearchTest extends CatalogSearchContract {

    private static final String URL = env("VITRINE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("VITRINE_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("VITRINE_TEST_PG_PASSWORD", "");
    private static final String SCHEMA = "vitrine_catalog_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeAll
    static void requirePostgres() {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            System.out.println("PostgreSQL catalog search tests run in schema " + SCHEMA + " at " + URL);
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + "); skipping the PostgreSQL catalog search tests";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }

    @AfterAll
    static void dropSchema() {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
        } catch (SQLException e) {
            System.out.println("Could not drop the test schema " + SCHEMA + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
