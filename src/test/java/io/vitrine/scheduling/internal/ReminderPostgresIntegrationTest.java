package io.vitrine.scheduling.internal;

import io.vitrine.support.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same tests as {@link ReminderIntegrationTest} on PostgreSQL, in a schema of its own that is dropped afterwards. */
@DirtiesContext
class ReminderPostgresIntegrationTest extends ReminderIntegrationTest {

    private static final PostgresSchema POSTGRES = PostgresSchema.create("vitrine_remind_");

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
