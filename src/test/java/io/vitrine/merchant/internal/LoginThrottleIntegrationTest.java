package io.vitrine.merchant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.security.BehindProxy;
import io.vitrine.support.IntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Password guessing through the real login form. Vitrine trusts 127.0.0.1 as a proxy here, so X-Forwarded-For
 * stands for the address of each client.
 */
@ExtendWith(OutputCaptureExtension.class)
@BehindProxy
class LoginThrottleIntegrationTest extends IntegrationTest {

    private static final String GUESSER = "203.0.113.7";
    private static final String MEMBER = "198.51.100.2";

    @Autowired
    LoginThrottle throttle;

    @AfterEach
    void forgetFailures() {
        throttle.clear();
    }

    @Test
    void shouldRefuseEvenTheRightPasswordRightAfterAFloodOfWrongOnesButLetTheMemberInSoonAfter(CapturedOutput output) {
        String admin = "admin@" + shop().slug() + ".test";
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> guess = login(admin, "wrong-" + i, GUESSER);
            if (guess.statusCode() == 429) {
                refused++;
                assertThat(guess.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(refused).as("guesses refused without checking the password").isGreaterThanOrEqualTo(20);
        // Guess on until nine guesses have failed (the delay is then 8 s), so that the next attempt surely falls into it.
        keepGuessing(i -> login(admin, "late-wrong-" + i, GUESSER), Math.max(1, 9 - (40 - refused)));

        HttpResponse<String> right = login(admin, PASSWORD, GUESSER);
        assertThat(right.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 30L);
        assertThat(right.body()).contains("Too many failed sign-ins. Wait " + retryAfter + " seconds, then try again.");
        assertThat(output.getOut()).containsPattern("WARN .*account '" + admin + "' from " + GUESSER);

        // The account's delay is capped: the member, from elsewhere, gets in once it has passed.
        assertThat(login(admin, PASSWORD, MEMBER).statusCode()).isEqualTo(429);
        Instant deadline = Instant.now().plusSeconds(retryAfter + 30);
        HttpResponse<String> member;
        do {
            member = login(admin, PASSWORD, MEMBER);
        } while (member.statusCode() == 429 && Instant.now().isBefore(deadline) && pause());
        assertThat(member.statusCode()).isEqualTo(302);
        assertThat(member.headers().firstValue("Location").orElse("")).endsWith("/console");
    }

    @Test
    void shouldThrottleAnAddressThatTriesManyAccountsWithoutLockingThoseAccounts() {
        Shop shop = shop("anna");
        keepGuessing(i -> login("nobody-" + i + "@" + shop.slug() + ".test", "guess", GUESSER), 24);

        assertThat(login("anna@" + shop.slug() + ".test", PASSWORD, GUESSER).statusCode()).isEqualTo(429);
        HttpResponse<String> member = login("anna@" + shop.slug() + ".test", PASSWORD, MEMBER);
        assertThat(member.statusCode()).isEqualTo(302);
        assertThat(member.headers().firstValue("Location").orElse("")).endsWith("/console");
    }

    /**
     * Guesses, waiting out refusals, until {@code failures} guesses have had their password checked and failed;
     * returns right after the last of them, when a new delay has just begun.
     */
    private void keepGuessing(java.util.function.IntFunction<HttpResponse<String>> guess, int failures) {
        Instant deadline = Instant.now().plusSeconds(120);
        int failed = 0;
        for (int i = 0; failed < failures; i++) {
            assertThat(Instant.now()).as("guessing took too long").isBefore(deadline);
            HttpResponse<String> response = guess.apply(i);
            if (response.statusCode() == 429) {
                pause();
            } else {
                assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login?error");
                failed++;
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One attempt through the login form, as a browser at {@code address} would make it. */
    private HttpResponse<String> login(String email, String password, String address) {
        try {
            var cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
            URI login = URI.create("http://localhost:" + port + "/login");
            http.send(HttpRequest.newBuilder(login).header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.discarding());
            String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return http.send(HttpRequest.newBuilder(login).header("X-Forwarded-For", address)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
