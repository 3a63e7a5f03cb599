package io.vitrine.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import org.junit.jupiter.api.Test;

/** With a configured public address, links are built from it whatever the request says. */
@BehindProxy
class PublicUrlIntegrationTest extends IntegrationTest {

    @Test
    void shouldBuildInviteLinksFromTheConfiguredPublicUrl() throws Exception {
        Shop shop = shop("anna");
        LiveStream live = LiveStream.start(shop, shop.online("anna"), "Hana Host");

        assertThat(live.invite()).startsWith("https://video.shop.example/join/");
        assertThat(ForwardedHeadersIntegrationTest.inviteThroughForgedHeaders(port, live))
                .startsWith("https://video.shop.example/join/");
    }

    @Test
    void shouldLetPagesServedUnderThePublicUrlOpenTheWebSocket() {
        var shopper = shop().shopper("Mia");
        Socket socket = Socket.connect(shopper, "https://video.shop.example");
        socket.send(java.util.Map.of("type", "hello", "token", shopper.token()));
        socket.awaitType("welcome");
        socket.close();
    }
}
