package io.vitrine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.vitrine.VitrineApplication;
import io.vitrine.realtime.Push;
import io.vitrine.realtime.protocol.ServerMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cluster mode is decided when a node starts: in {@code nats} mode what a node pushes goes out through NATS; in
 * {@code single} mode the node never connects to NATS at all.
 */
class ClusterModeChoiceIntegrationTest {

    private final ClusterNodes cluster = new ClusterNodes();
    private ConfigurableApplicationContext single;

    @AfterEach
    void stop() {
        cluster.close();
        if (single != null) {
            single.close();
        }
    }

    @Test
    void aNodeInNatsModePushesThroughNats() throws Exception {
        ClusterNodes.requireNats();
        ConfigurableApplicationContext node = cluster.start();
        UUID dialogId = UUID.randomUUID();
        try (Connection observer = Nats.connect(ClusterNodes.NATS_URL)) {
            var subscription = observer.subscribe("vitrine.topic.dialog." + dialogId);
            observer.flush(Duration.ofSeconds(2));
            node.getBean(Push.class).toDialog(dialogId, new ServerMessage.Pong());
            Message relayed = subscription.nextMessage(Duration.ofSeconds(10));
            assertThat(relayed).as("the frame, relayed through NATS").isNotNull();
            assertThat(new String(relayed.getData())).contains("pong");
        }
        assertThat(node.getBean(Connection.class).getStatus()).isEqualTo(Connection.Status.CONNECTED);
    }

    @Test
    void aSingleNodeMakesNoNatsConnection() {
        single = new SpringApplicationBuilder(VitrineApplication.class).run(
                "--spring.datasource.url=jdbc:h2:mem:single-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--server.port=0", "--vitrine.demo=false", "--vitrine.cluster.mode=single",
                "--vitrine.cluster.nats-url=nats://127.0.0.1:1", "--spring.main.banner-mode=off");
        single.getBean(Push.class).toDialog(UUID.randomUUID(), new ServerMessage.Pong());
        assertThat(single.getBeanFactory().containsSingleton("natsConnection")).as("a NATS connection made").isFalse();
    }
}
