package io.vitrine.scheduling.internal;

import io.vitrine.support.PostgresSchema;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** The same two nodes and restart on PostgreSQL, where production nodes claim reminders, in a schema of its own. */
class ReminderClusterPostgresIntegrationTest extends ReminderClusterIntegrationTest {

    private final PostgresSchema postgres = PostgresSchema.create("vitrine_remind_cluster_");

    @BeforeEach
    void requirePostgres() {
        postgres.requireReachable();
    }

    @Override
    protected List<String> databaseArguments() {
        return postgres.serverArguments();
    }

    @Override
    protected void dropDatabase() {
        postgres.drop();
    }
}
