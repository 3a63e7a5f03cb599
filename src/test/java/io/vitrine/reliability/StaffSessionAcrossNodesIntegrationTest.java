package io.vitrine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.VitrineApplication;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.TeamApi;
import io.vitrine.support.Api;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.PostgresSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one database, no sticky sessions: a team member who logged in on one node is logged in on the other
 * too (API, pages and the console's socket), and logging out on either node ends the session on both.
 */
class StaffSessionAcrossNodesIntegrationTest {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
        nodes.clear();
    }

    @Test
    void aStaffSessionWorksOnEveryNodeOnH2() throws Exception {
        loginOnOneNodeWorksOnTheOtherAndLogoutEndsItEverywhere(List.of("--spring.datasource.url=jdbc:h2:mem:sessions-"
                + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
    }

    @Test
    void aStaffSessionWorksOnEveryNodeOnPostgres() throws Exception {
        try (var postgres = PostgresSchema.create("vitrine_sessions_").requireReachable()) {
            try {
                loginOnOneNodeWorksOnTheOtherAndLogoutEndsItEverywhere(postgres.serverArguments());
            } finally {
                stopNodes(); // before the schema goes
            }
        }
    }

    private void loginOnOneNodeWorksOnTheOtherAndLogoutEndsItEverywhere(List<String> database) throws Exception {
        var a = start(database);
        var b = start(database);
        String email = expert(a);

        Api onA = Api.staff(port(a), email, IntegrationTest.PASSWORD);
        String cookies = onA.cookieHeader();
        assertThat(cookies).as("the session cookie keeps its name").contains("JSESSIONID=");

        var me = send(b, "GET", "/api/v1/me", cookies);
        assertThat(me.statusCode()).as("API on the other node: %s", me.body()).isEqualTo(200);
        assertThat(me.body()).contains(email);
        var console = send(b, "GET", "/console", cookies);
        assertThat(console.statusCode()).as("console page on the other node").isEqualTo(200);
        assertThat(consoleSocketWelcome(b, cookies)).as("the console's socket on the other node").contains("\"welcome\"");

        var logout = send(b, "POST", "/logout", cookies);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/login?logout"));

        assertThat(onA.get("/api/v1/me").status()).as("API on the first node after logout elsewhere").isEqualTo(401);
        var consoleOnA = send(a, "GET", "/console", cookies);
        assertThat(consoleOnA.statusCode()).isEqualTo(302);
        assertThat(consoleOnA.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/login"));
    }

    private ConfigurableApplicationContext start(List<String> database) {
        List<String> args = new ArrayList<>(database);
        args.addAll(List.of("--server.port=0", "--vitrine.demo=false", "--spring.main.banner-mode=off"));
        var context = new SpringApplicationBuilder(VitrineApplication.class).run(args.toArray(String[]::new));
        nodes.add(context);
        return context;
    }

    private static String expert(ConfigurableApplicationContext node) {
        String slug = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        Merchant merchant = node.getBean(MerchantApi.class).create(slug, "Shop " + slug, MerchantSettings.defaults());
        String email = "anna@" + slug + ".test";
        node.getBean(TeamApi.class).addMember(merchant.id(), new TeamApi.NewMember(email, "Anna Expert",
                IntegrationTest.PASSWORD, Role.EXPERT, "anna", null));
        return email;
    }

    private static int port(ConfigurableApplicationContext node) {
        return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** The first frame a console socket opened on the node with the browser's cookies receives. */
    private String consoleSocketWelcome(ConfigurableApplicationContext node, String cookies) {
        var first = new CompletableFuture<String>();
        WebSocket socket = http.newWebSocketBuilder().header("Cookie", cookies).connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://localhost:" + port(node) + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        first.complete(data.toString());
                        return null;
                    }
                }).join();
        try {
            // A staff socket is welcomed at once; without a staff login it would wait for a shopper's hello.
            return first.orTimeout(30, TimeUnit.SECONDS).join();
        } finally {
            socket.abort();
        }
    }

    /** A request to the node carrying the browser's cookies (and its CSRF token, as the front end sends it). */
    private HttpResponse<String> send(ConfigurableApplicationContext node, String method, String path, String cookies)
            throws IOException, InterruptedException {
        String csrf = Arrays.stream(cookies.split("; ")).filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length())).findFirst().orElse("");
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Cookie", cookies).header("X-XSRF-TOKEN", csrf).header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
