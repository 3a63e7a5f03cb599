package io.vitrine.support;

import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.TeamApi;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs the whole platform on a random port with its own in-memory database (one per application context, as two
 * nodes would not share in-process fan-out). Every test makes its own merchant,
 * so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:it-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256",
        "vitrine.demo=false",
        "vitrine.routing.offer-timeout=2s",
        "vitrine.routing.tick-interval=200ms",
        "vitrine.presence.grace=2s",
        "vitrine.presence.sweep-interval=300ms",
        "vitrine.presence.heartbeat-interval=300ms"
})
public abstract class IntegrationTest {

    public static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort
    protected int port;

    private final List<Socket> openConsoles = new java.util.ArrayList<>();

    @AfterEach
    void closeConsoles() {
        openConsoles.forEach(Socket::close);
        openConsoles.clear();
    }

    @Autowired
    protected MerchantApi merchants;

    @Autowired
    protected TeamApi team;

    /** A merchant with the given team; members log in as {@code <name>@<slug>.test}. */
    protected Shop shop(String... experts) {
        return shop(MerchantSettings.defaults(), experts);
    }

    protected Shop shop(MerchantSettings settings, String... experts) {
        String slug = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        Merchant merchant = merchants.create(slug, "Shop " + slug, settings);
        team.addMember(merchant.id(), new TeamApi.NewMember("admin@" + slug + ".test", "Admin", PASSWORD, Role.ADMIN, null, null));
        for (String expert : experts) {
            team.addMember(merchant.id(), new TeamApi.NewMember(expert + "@" + slug + ".test",
                    capitalized(expert) + " Expert", PASSWORD, Role.EXPERT, expert, null));
        }
        return new Shop(this, merchant);
    }

    public record Shop(IntegrationTest test, Merchant merchant) {

        public String slug() {
            return merchant.slug();
        }

        public Api staff(String name) {
            return Api.staff(test.port, name + "@" + slug() + ".test", PASSWORD);
        }

        /** Logs the expert in, opens their console (presence lasts only while one is open) and sets them Online. */
        public Api online(String name) {
            Api api = staff(name);
            Socket console = Socket.connect(api);
            console.awaitType("welcome");
            test.openConsoles.add(console);
            var response = api.put("/api/v1/me/presence", Map.of("status", "ONLINE"));
            if (response.status() != 200) {
                throw new IllegalStateException("Going online failed: " + response.raw());
            }
            return api;
        }

        public Api shopper(String screenName) {
            return Api.shopper(test.port, slug(), screenName);
        }

        public UUID memberId(String name) {
            return test.team.members(merchant.id()).stream()
                    .filter(m -> m.email().startsWith(name + "@")).findFirst().orElseThrow().id();
        }
    }

    protected static List<String> texts(List<tools.jackson.databind.JsonNode> nodes, String field) {
        return nodes.stream().map(n -> n.path(field).asString()).toList();
    }

    /** The string values of a JSON array. */
    protected static List<String> strings(tools.jackson.databind.JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
