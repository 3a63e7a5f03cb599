package io.vitrine.catalog;

import io.vitrine.support.PostgresSchema;
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

    private static final PostgresSchema POSTGRES = PostgresSchema.create("vitrine_catalog_bench_");

    @BeforeAll
    static void requirePostgres() {
        POSTGRES.requireReachable();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        POSTGRES.register(registry);
    }

    @AfterAll
    static void dropSchema() {
        POSTGRES.drop();
    }

    @Override
    String database() {
        return "PostgreSQL 15 (loopback)";
    }
}
