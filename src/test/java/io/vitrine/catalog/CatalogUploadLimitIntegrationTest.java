package io.vitrine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A file over the upload limit is refused with 413, never a 500 (the limit is lowered here to keep the test small). */
@TestPropertySource(properties = {"spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=65KB"})
class CatalogUploadLimitIntegrationTest extends IntegrationTest {

    @Test
    void shouldRefuseAFileOverTheLimitWith413() {
        Api admin = shop().staff("admin");
        Api.Response refused = Uploads.upload(admin, "big.csv", new byte[200 * 1024], "");
        assertThat(refused.status()).isEqualTo(413);
    }
}
