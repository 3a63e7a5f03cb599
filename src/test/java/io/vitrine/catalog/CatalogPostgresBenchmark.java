package io.vitrine.catalog;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The catalog benchmark on PostgreSQL (full-text search), in a schema of its own; skipped without PostgreSQL. */
@SpringBootTest(properties = "vitrine.demo=false")
@DirtiesContext
class CatalogPostgresBenchmark extends CatalogBenchmarkSupport {

    @BeforeAll
    static void requirePostgres() {
        PostgresCatalogSearchTest.requirePostgres();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresCatalogSearchTest.postgres(registry);
    }

    @AfterAll
    static void dropSchema() {
        PostgresCatalogSearchTest.dropSchema();
    }

    @Override
    String database() {
        return "PostgreSQL 15 (loopback)";
    }
}
