package io.vitrine.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inbound webhook latency: signed Twilio inbound-SMS requests one after another against the running platform (H2 in
 * memory), from the request leaving the client to the TwiML answer: signature check, replay receipt and the durable
 * event publication in one transaction. Not part of the tests (the name does not end in Test); run with
 * {@code ./vitrine bench contacts} (or {@code ./mvnw verify -Dtest=ChannelWebhookBenchmark -Dsurefire.failIfNoSpecifiedTests=false}).
 */
class ChannelWebhookBenchmark extends ChannelsIntegrationTest {

    private static final int WARM_UP = 100;
    private static final int MEASURED = Integer.getInteger("bench.requests", 1000);

    @Test
    void inboundSmsWebhookLatency() throws IOException {
        TwilioShop twilio = twilioShop();
        String sid = twilio.accountSid();
        String proxy = twilio.number();
        String path = "/api/v1/channels/twilio/" + twilio.shop().slug() + "/messages";

        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            var form = Webhooks.form("MessageSid", "SM" + accountSid().substring(2), "AccountSid", sid,
                    "From", "+4915112345678", "To", proxy, "Body", "Message " + i, "NumMedia", "0");
            long start = System.nanoTime();
            var reply = Webhooks.twilio(port, path, form, TWILIO_AUTH_TOKEN, PUBLIC_URL + path);
            long took = (System.nanoTime() - start) / 1000;
            assertThat(reply.status()).isEqualTo(200);
            if (i >= WARM_UP) {
                micros.add(took);
            }
        }
        Collections.sort(micros);
        String line = ("| inbound SMS webhook (Twilio, signed), %d sequential requests | %.1f ms | %.1f ms | %.1f ms |"
                + " %s, load average %.1f |").formatted(MEASURED, at(micros, 0.50), at(micros, 0.99),
                micros.getLast() / 1000.0, java.time.LocalDate.now(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(line);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/channels-benchmark.md"), line + "\n");
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1) / 1000.0;
    }
}
