package io.vitrine.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Metrics describe the whole instance, so only the operator reads them, never a merchant's admin. */
@BehindProxy
class OperatorMetricsIntegrationTest extends IntegrationTest {

    @Test
    void shouldShowMetricsToTheOperatorOnly() throws Exception {
        var admin = shop().staff("admin");

        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(scrape("ops:wrong-password").statusCode()).isEqualTo(401);
        HttpResponse<String> operator = scrape("ops:" + BehindProxy.OPERATOR_PASSWORD);
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("jvm_memory_used_bytes");
        assertThat(admin.get("/actuator/health").status()).isEqualTo(200);
    }

    private HttpResponse<String> scrape(String credentials) throws Exception {
        String basic = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
    }
}
