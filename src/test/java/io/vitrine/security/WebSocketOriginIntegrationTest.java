package io.vitrine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class WebSocketOriginIntegrationTest extends IntegrationTest {

    @Test
    void shouldRefuseAMalformedOriginWithAPlain403AndNoErrorLog(CapturedOutput output) {
        Api shopper = shop().shopper("Mia");

        assertThatThrownBy(() -> Socket.connect(shopper, "http://127.0.0.1:" + port + ".evil.example"))
                .rootCause().hasMessageContaining("403");

        assertThat(output.getOut() + output.getErr()).doesNotContain("ERROR");
        Socket.connect(shopper, "http://localhost:" + port).close();
    }
}
