package io.vitrine.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Production start: demo mode off, nothing seeded but the first merchant and admin named by the bootstrap settings. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:bootstrap;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=false",
        "vitrine.bootstrap.merchant-slug=acme",
        "vitrine.bootstrap.merchant-name=ACME Outfitters",
        "vitrine.bootstrap.admin-email=owner@acme.example",
        "vitrine.bootstrap.admin-password=a long enough secret"
})
class FirstAdminBootstrapIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MerchantApi merchants;

    @Test
    void shouldCreateOnlyTheFirstMerchantAndItsAdmin() {
        assertThat(merchants.findBySlug("demo")).isEmpty();
        assertThat(merchants.findBySlug("acme")).map(Merchant::name).contains("ACME Outfitters");

        Api owner = Api.staff(port, "owner@acme.example", "a long enough secret");
        var me = owner.get("/api/v1/me").body();
        assertThat(me.path("member").path("role").asString()).isEqualTo("ADMIN");
        assertThat(me.path("merchant").path("slug").asString()).isEqualTo("acme");
        assertThat(owner.get("/api/v1/team").body()).hasSize(1);
        assertThat(Api.anonymous(port).get("/demo").status()).isEqualTo(404);
    }
}
