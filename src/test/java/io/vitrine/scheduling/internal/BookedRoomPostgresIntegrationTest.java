package io.vitrine.scheduling.internal;

import io.vitrine.support.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same tests as {@link BookedRoomIntegrationTest} on PostgreSQL, in a schema of its own that is dropped afterwards. */
@DirtiesContext
class BookedRoomPostgresIntegrationTest extends BookedRoomIntegrationTest {

    private static final PostgresSchema POSTGRES = PostgresSchema.create("vitrine_booked_room_");

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
