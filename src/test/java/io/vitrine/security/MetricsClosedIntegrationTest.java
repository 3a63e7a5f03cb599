package io.vitrine.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Without an operator credential configured, metrics are closed to everyone; health stays open. */
class MetricsClosedIntegrationTest extends IntegrationTest {

    @Test
    void shouldNotShowInstanceMetricsToAMerchantsAdmin() {
        Api admin = shop().staff("admin");

        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    }
}
