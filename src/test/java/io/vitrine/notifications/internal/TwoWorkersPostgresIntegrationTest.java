package io.vitrine.notifications.internal;

import io.vitrine.support.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same race on PostgreSQL, where production nodes claim rows, in a schema of its own dropped afterwards. Set
 * VITRINE_TEST_PG_URL, VITRINE_TEST_PG_USER and VITRINE_TEST_PG_PASSWORD for another server than 127.0.0.1:5432/test.
 */
@DirtiesContext
class TwoWorkersPostgresIntegrationTest extends TwoWorkersIntegrationTest {

    private static final PostgresSchema POSTGRES = PostgresSchema.create("vitrine_notify_");

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
