package io.vitrine.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admin's channel set-up over the API: write-only secrets encrypted at rest, validation, roles and tenancy. */
class ChannelSettingsIntegrationTest extends ChannelsIntegrationTest {

    private static final List<String> SECRETS = List.of("twilio-auth-token-1", "meta-access-token-1", "meta-app-secret-1",
            "meta-verify-token-1");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChannelsApi channels;

    @Test
    void shouldKeepCredentialsWriteOnlyAndEncryptedAtRest() {
        Shop shop = shop("anna");
        Api admin = shop.staff("admin");
        String sid = accountSid();
        String sms1 = number();
        String sms2 = number();
        String whatsapp = number();
        String phoneNumberId = phoneNumberId();

        var twilio = setUpTwilio(admin, sid, "twilio-auth-token-1", sms1, sms2);
        var meta = setUpWhatsApp(admin, phoneNumberId, whatsapp, "meta-access-token-1", "meta-app-secret-1", "meta-verify-token-1");
        var read = admin.get("/api/v1/channels/settings");

        assertThat(twilio.status()).isEqualTo(200);
        assertThat(meta.status()).isEqualTo(200);
        assertThat(read.status()).isEqualTo(200);
        for (var response : List.of(twilio, meta, read)) {
            SECRETS.forEach(secret -> assertThat(response.raw()).doesNotContain(secret));
        }
        var body = read.body();
        assertThat(body.at("/twilio/accountSid").asString()).isEqualTo(sid);
        assertThat(body.at("/twilio/authTokenSet").asBoolean()).isTrue();
        assertThat(strings(body.at("/twilio/numbers"))).containsExactly(sms1, sms2);
        assertThat(body.at("/whatsapp/numbers/0/phoneNumberId").asString()).isEqualTo(phoneNumberId);
        assertThat(body.at("/whatsapp/numbers/0/number").asString()).isEqualTo(whatsapp);
        assertThat(body.at("/whatsapp/accessTokenSet").asBoolean()).isTrue();
        assertThat(body.at("/whatsapp/appSecretSet").asBoolean()).isTrue();
        assertThat(body.at("/whatsapp/verifyTokenSet").asBoolean()).isTrue();
        assertThat(body.at("/webhooks/twilioMessages").asString())
                .isEqualTo(PUBLIC_URL + "/api/v1/channels/twilio/" + shop.slug() + "/messages");
        assertThat(body.at("/webhooks/whatsapp").asString()).isEqualTo(PUBLIC_URL + "/api/v1/channels/whatsapp/" + shop.slug());

        String stored = jdbc.sql("""
                        select t.auth_token_enc || w.access_token_enc || w.app_secret_enc || w.verify_token_enc
                        from channel_twilio_account t join channel_whatsapp_account w on w.merchant_id = t.merchant_id
                        where t.merchant_id = ?""").param(shop.merchant().id()).query(String.class).single();
        SECRETS.forEach(secret -> assertThat(stored).doesNotContain(secret));
        assertThat(stored).startsWith("v1:");

        assertThat(channels.numbers(shop.merchant().id(), Channel.SMS)).containsExactly(sms1, sms2);
        assertThat(channels.configured(shop.merchant().id(), Channel.WHATSAPP)).isTrue();
    }

    @Test
    void shouldKeepTheStoredSecretWhenAnUpdateLeavesItOut() {
        Shop shop = shop();
        Api admin = shop.staff("admin");
        String sid = accountSid();
        setUpTwilio(admin, sid, "twilio-auth-token-1", number());
        String moved = number();

        var update = admin.put("/api/v1/channels/settings/twilio", Map.of("accountSid", sid, "numbers", List.of(moved)));

        assertThat(update.status()).isEqualTo(200);
        assertThat(update.body().at("/twilio/authTokenSet").asBoolean()).isTrue();
        assertThat(strings(update.body().at("/twilio/numbers"))).containsExactly(moved);
        Shop fresh = shop();
        var firstWithoutToken = fresh.staff("admin").put("/api/v1/channels/settings/twilio",
                Map.of("accountSid", accountSid(), "numbers", List.of()));
        assertThat(firstWithoutToken.status()).isEqualTo(400);
        assertThat(firstWithoutToken.body().at("/errors/0/field").asString()).isEqualTo("authToken");
    }

    @Test
    void shouldRefuseBadValuesWithTheFieldAtFault() {
        Api admin = shop().staff("admin");

        var badSid = admin.put("/api/v1/channels/settings/twilio", Map.of("accountSid", "XX123", "authToken", "long-enough-token",
                "numbers", List.of("+15550001111")));
        var badNumber = admin.put("/api/v1/channels/settings/twilio", Map.of("accountSid", accountSid(),
                "authToken", "long-enough-token", "numbers", List.of("0170 1234567")));
        var twice = admin.put("/api/v1/channels/settings/twilio", Map.of("accountSid", accountSid(),
                "authToken", "long-enough-token", "numbers", List.of("+15550001111", "+15550001111")));
        var badId = admin.put("/api/v1/channels/settings/whatsapp", Map.of("numbers",
                List.of(Map.of("phoneNumberId", "abc", "number", "+15550001111"))));

        for (var response : List.of(badSid, badNumber, twice, badId)) {
            assertThat(response.status()).as(response.raw()).isEqualTo(400);
            assertThat(response.body().get("code").asString()).isEqualTo("invalid");
        }
        assertThat(badSid.body().at("/errors/0/field").asString()).isEqualTo("accountSid");
        assertThat(badNumber.raw()).contains("E.164");
    }

    @Test
    void shouldLetOnlyAdminsSetUpChannelsAndKeepMerchantsApart() {
        Shop shop = shop("anna");
        Shop other = shop();
        String number = number();
        setUpTwilio(other.staff("admin"), accountSid(), "twilio-auth-token-1", number);
        Api anna = shop.staff("anna");

        assertThat(anna.get("/api/v1/channels/settings").status()).isEqualTo(403);
        assertThat(setUpTwilio(anna, accountSid(), "twilio-auth-token-2", number()).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/v1/channels/settings").status()).isEqualTo(401);
        assertThat(anna.get("/admin/channels").status()).as("the dashboard page").isEqualTo(403);
        assertThat(shop.staff("admin").get("/admin/channels").status()).isEqualTo(200);

        var taken = setUpTwilio(shop.staff("admin"), accountSid(), "twilio-auth-token-2", number);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().get("code").asString()).isEqualTo("number_taken");
        var own = shop.staff("admin").get("/api/v1/channels/settings").body();
        assertThat(own.at("/twilio/authTokenSet").asBoolean()).isFalse();
        assertThat(own.at("/twilio/numbers")).isEmpty();
        assertThat(own.toString()).doesNotContain(number);
    }

    @Test
    void shouldListTheChannelEndpointsInTheOpenApiDocument() {
        var paths = Api.anonymous(port).get("/v3/api-docs").body().path("paths");

        assertThat(paths.has("/api/v1/channels/settings")).isTrue();
        assertThat(paths.has("/api/v1/channels/settings/twilio")).isTrue();
        assertThat(paths.has("/api/v1/channels/twilio/{merchant}/messages")).isTrue();
        assertThat(paths.has("/api/v1/channels/whatsapp/{merchant}")).isTrue();
    }
}
