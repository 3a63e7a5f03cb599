package io.vitrine.persistence;

import io.vitrine.support.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same contract on PostgreSQL, in a schema of its own that is dropped afterwards, together with the context
 * that used it. Set VITRINE_TEST_PG_URL,
 * VITRINE_TEST_PG_USER and VITRINE_TEST_PG_PASSWORD to use another server than 127.0.0.1:5432/test as postgres.
 */
@SpringBootTest(properties = "vitrine.demo=false")
@DirtiesContext
class PostgresPersistenceTest extends PersistenceContract {

    private static final PostgresSchema POSTGRES = PostgresSchema.create("vitrine_test_");

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
