package io.vitrine.catalog;

import io.vitrine.support.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
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

    private static final PostgresSchema POSTGRES = PostgresSchema.create("vitrine_catalog_");

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
}
