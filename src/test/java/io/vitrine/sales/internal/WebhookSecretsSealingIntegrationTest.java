package io.vitrine.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.IntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Secrets an earlier version stored in plain text are encrypted at start-up and still verify deliveries. */
class WebhookSecretsSealingIntegrationTest extends IntegrationTest {

    @Autowired
    WebhookSecrets secrets;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldSealSecretsStoredInPlainTextAndReadThemBack() {
        UUID merchant = shop().merchant().id();
        String plain = "whsec_plain_from_before_" + UUID.randomUUID();
        jdbc.sql("insert into sales_webhook_secret (merchant_id, kind, secret, updated_at) values (?, 'VITRINE', ?, ?)")
                .params(merchant, plain, java.sql.Timestamp.from(Instant.now())).update();
        assertThat(secrets.of(merchant, WebhookSecrets.Kind.VITRINE)).as("read as it is until sealed").contains(plain);

        assertThat(secrets.sealPlainSecrets()).isGreaterThanOrEqualTo(1);
        assertThat(secrets.sealPlainSecrets()).as("nothing left to seal").isZero();

        assertThat(jdbc.sql("select count(*) from sales_webhook_secret").query(Long.class).single())
                .as("no plain secret is left").isZero();
        String stored = jdbc.sql("select secret from sales_sealed_webhook_secret where merchant_id = ?").param(merchant)
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(plain).doesNotContain("whsec_plain");
        assertThat(secrets.of(merchant, WebhookSecrets.Kind.VITRINE)).contains(plain);
        assertThat(secrets.of(shop().merchant().id(), WebhookSecrets.Kind.VITRINE)).as("per merchant").isEmpty();
    }
}
