package io.vitrine.catalog;

import io.vitrine.support.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same catalog edits on PostgreSQL (full-text search), in a schema of its own that is dropped afterwards. */
@DirtiesContext
class PostgresCatalogCrudIntegrationTest extends CatalogCrudContract {

    private static final PostgresSchema POSTGRES = PostgresSchema.create("vitrine_catalog_crud_");

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
