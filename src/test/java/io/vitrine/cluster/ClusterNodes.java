package io.vitrine.cluster;

import io.vitrine.VitrineApplication;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.TeamApi;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Nodes in cluster mode, each a Spring application context of its own, on one shared database and one NATS. */
final class ClusterNodes implements AutoCloseable {

    static final String NATS_URL = "nats://127.0.0.1:4222";
    static final java.time.Duration GRACE = java.time.Duration.ofSeconds(2);

    private final String database = "jdbc:h2:mem:nats-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    /** Skips the test, saying why, when no NATS server listens where the nodes would connect. */
    static void requireNats() {
        try (var probe = new java.net.Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", 4222), 2000);
        } catch (IOException e) {
            System.out.println("Skipping cluster test: no NATS server at " + NATS_URL + " (" + e.getMessage() + ")");
            Assumptions.abort("no NATS server at " + NATS_URL);
        }
    }

    ConfigurableApplicationContext start() {
        var context = new SpringApplicationBuilder(VitrineApplication.class).run(
                "--spring.datasource.url=" + database, "--server.port=0", "--vitrine.demo=false",
                "--vitrine.cluster.mode=nats", "--vitrine.cluster.nats-url=" + NATS_URL,
                "--vitrine.cluster.heartbeat=300ms", "--vitrine.presence.grace=" + GRACE.toMillis() + "ms",
                "--vitrine.presence.heartbeat-interval=300ms", "--vitrine.presence.sweep-interval=300ms",
                "--vitrine.routing.offer-timeout=20s", "--vitrine.routing.tick-interval=200ms",
                "--spring.main.banner-mode=off");
        nodes.add(context);
        return context;
    }

    static int port(ConfigurableApplicationContext node) {
        return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** A merchant with one expert {@code anna}; members log in as {@code <name>@<slug>.test}. */
    static Merchant shop(ConfigurableApplicationContext node) {
        String slug = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        Merchant merchant = node.getBean(MerchantApi.class).create(slug, "Shop " + slug, MerchantSettings.defaults());
        node.getBean(TeamApi.class).addMember(merchant.id(), new TeamApi.NewMember("anna@" + slug + ".test",
                "Anna Expert", IntegrationTest.PASSWORD, Role.EXPERT, "anna", null));
        return merchant;
    }

    Socket socket(Api api) {
        Socket socket = Socket.connect(api);
        sockets.add(socket);
        if (api.token() != null) {
            socket.send(Map.of("type", "hello", "token", api.token()));
        }
        socket.awaitType("welcome");
        return socket;
    }

    @Override
    public void close() {
        sockets.forEach(Socket::close);
        nodes.reversed().forEach(ConfigurableApplicationContext::close);
    }
}
