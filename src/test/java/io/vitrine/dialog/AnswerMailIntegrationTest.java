package io.vitrine.dialog;

import static io.vitrine.support.Socket.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.notifications.NotificationsIntegrationTest;
import io.vitrine.support.Api;
import io.vitrine.support.Socket;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A shopper who left a message hears back by email when an expert answers, without the expert seeing the address. */
class AnswerMailIntegrationTest extends NotificationsIntegrationTest {

    private static final String EMAIL = "alex@shopper.test";

    @Test
    void shouldEmailTheShopperOnceWithTheAnswerAndALinkBackWhileTheExpertNeverSeesTheAddress() throws Exception {
        GreenMail smtp = smtpServer();
        try {
            Shop shop = shop(collecting(), "anna");
            String id = leaveMessage(withEmail(shop));
            Api anna = shop.online("anna");
            Socket annaWs = Socket.connect(anna);
            String accepted = anna.post("/api/v1/dialogs/" + id + "/accept", null).raw();
            annaWs.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
            annaWs.send(Map.of("type", "say", "dialogId", id, "text", "Size 42 is back in stock!"));
            annaWs.await(f -> event("MESSAGE").test(f) && f.path("text").asString().equals("Size 42 is back in stock!"));

            eventually().until(() -> smtp.getReceivedMessagesForDomain("shopper.test").length == 1);
            MimeMessage mail = smtp.getReceivedMessagesForDomain("shopper.test")[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(EMAIL);
            assertThat(mail.getSubject()).isEqualTo("Anna Expert of " + shop.merchant().name() + " answered your message");
            String body = GreenMailUtil.getBody(mail);
            assertThat(body).contains("Size 42 is back in stock!");

            Matcher link = Pattern.compile("https://vitrine\\.example\\.com(/widget/[a-z0-9-]+\\?dialog=[0-9a-f-]{36})")
                    .matcher(body);
            assertThat(link.find()).as("a link back to the conversation in: %s", body).isTrue();
            assertThat(link.group(1)).isEqualTo("/widget/" + shop.slug() + "?dialog=" + id);
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://localhost:" + port + link.group(1))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("data-merchant=\"" + shop.slug() + "\"");

            assertThat(accepted).doesNotContain(EMAIL);
            assertThat(anna.get("/api/v1/dialogs/" + id).raw()).doesNotContain(EMAIL);
            var customer = anna.get("/api/v1/dialogs/" + id + "/customer");
            assertThat(customer.raw()).doesNotContain(EMAIL);
            assertThat(customer.body().path("answerByEmail").asBoolean()).isTrue();
            assertThat(annaWs.received(f -> true)).isNotEmpty()
                    .noneMatch(f -> f.toString().contains(EMAIL));
            annaWs.close();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void shouldSendNoSecondEmailForAnotherAnswerWithinTheQuietPeriodButAgainAfterIt() throws Exception {
        GreenMail smtp = smtpServer();
        try {
            Shop shop = shop(collecting(), "anna");
            String id = leaveMessage(withEmail(shop));
            Socket annaWs = answer(shop, id, "First answer");
            eventually().until(() -> smtp.getReceivedMessagesForDomain("shopper.test").length == 1);

            annaWs.send(Map.of("type", "say", "dialogId", id, "text", "Second answer"));
            annaWs.await(f -> event("MESSAGE").test(f) && f.path("text").asString().equals("Second answer"));
            awaitListenersDone();

            assertThat(smtp.getReceivedMessagesForDomain("shopper.test")).hasSize(1);
            assertThat(outboxRows(shop, id)).isEqualTo(1);

            // Once the quiet period (15 minutes by default) has passed, the next answer is mailed again.
            jdbc.sql("update dialog set answer_mailed_at = answer_mailed_at - interval '16' minute where id = ?")
                    .param(UUID.fromString(id)).update();
            annaWs.send(Map.of("type", "say", "dialogId", id, "text", "Third answer"));
            eventually().until(() -> smtp.getReceivedMessagesForDomain("shopper.test").length == 2);
            assertThat(GreenMailUtil.getBody(smtp.getReceivedMessagesForDomain("shopper.test")[1])).contains("Third answer");
            annaWs.close();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void shouldSendNothingWhenTheShopperGaveNoEmail() throws Exception {
        GreenMail smtp = smtpServer();
        try {
            Shop shop = shop("anna");
            String id = leaveMessage(shop.shopper("Ben"));
            Socket annaWs = answer(shop, id, "We will have it on Monday");
            awaitListenersDone();

            assertThat(outboxRows(shop, id)).isZero();
            assertThat(smtp.getReceivedMessages()).isEmpty();
            var customer = shop.staff("anna").get("/api/v1/dialogs/" + id + "/customer").body();
            assertThat(customer.path("leftMessage").asBoolean()).isTrue();
            assertThat(customer.path("answerByEmail").asBoolean()).isFalse();
            annaWs.close();
        } finally {
            smtp.stop();
        }
    }

    /** A dialog that began live is no left message: its answers are read in the chat, not mailed. */
    @Test
    void shouldSendNothingForAnswersInADialogThatBeganLive() throws Exception {
        GreenMail smtp = smtpServer();
        try {
            Shop shop = shop(collecting(), "anna");
            shop.online("anna");
            var asked = withEmail(shop).post("/api/v1/widget/me/dialogs", Map.of("message", "Do you have size 42?"));
            assertThat(asked.body().path("status").asString()).isEqualTo("WAITING");
            String id = asked.body().path("id").asString();
            Socket annaWs = answer(shop, id, "Yes, in blue and in black");
            awaitListenersDone();

            assertThat(outboxRows(shop, id)).isZero();
            assertThat(smtp.getReceivedMessages()).isEmpty();
            assertThat(shop.staff("anna").get("/api/v1/dialogs/" + id + "/customer").body()
                    .path("leftMessage").asBoolean()).isFalse();
            annaWs.close();
        } finally {
            smtp.stop();
        }
    }

    private Socket answer(Shop shop, String id, String text) {
        Api anna = shop.online("anna");
        Socket annaWs = Socket.connect(anna);
        assertThat(anna.post("/api/v1/dialogs/" + id + "/accept", null).status()).isEqualTo(200);
        annaWs.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
        annaWs.send(Map.of("type", "say", "dialogId", id, "text", text));
        annaWs.await(f -> event("MESSAGE").test(f) && f.path("text").asString().equals(text));
        return annaWs;
    }

    private static String leaveMessage(Api shopper) {
        var left = shopper.post("/api/v1/widget/me/dialogs", Map.of("message", "Please tell me when size 42 is back"));
        assertThat(left.body().path("status").asString()).isEqualTo("MESSAGE");
        return left.body().path("id").asString();
    }

    /** Every module listener has handled its event: nothing is left incomplete in the publication registry. */
    private void awaitListenersDone() {
        eventually().until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class).single() == 0);
    }

    /** Emails queued about answers in this dialog, sent or not. */
    private long outboxRows(Shop shop, String dialogId) {
        return jdbc.sql("select count(*) from notification_outbox o join notice n on n.id = o.notice_id where n.link = ?")
                .param("/widget/" + shop.slug() + "?dialog=" + dialogId).query(Long.class).single();
    }

    private Api withEmail(Shop shop) {
        var created = Api.anonymous(port).post("/api/v1/widget/" + shop.slug() + "/shoppers",
                Map.of("screenName", "Alex", "email", EMAIL, "consent", true));
        assertThat(created.status()).isEqualTo(201);
        return Api.withToken(port, created.body().path("token").asString());
    }

    private static MerchantSettings collecting() {
        return new MerchantSettings("#1f6feb", "bottom-right", "Live", true, List.of("email"), null, 60, 3, true);
    }
}
