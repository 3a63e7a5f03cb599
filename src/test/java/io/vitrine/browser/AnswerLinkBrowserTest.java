package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.openConsole;
import static io.vitrine.support.Socket.event;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.TeamApi;
import io.vitrine.support.Api;
import io.vitrine.support.Socket;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The link in an answer email opens the widget on that conversation in the browser that left the message, even once
 * the expert has ended it; a browser without the conversation is told to open the chat from the shop.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:answer-link;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true"
})
class AnswerLinkBrowserTest extends ChromiumTest {

    @LocalServerPort
    int port;

    @Autowired
    MerchantApi merchants;

    @Autowired
    TeamApi team;

    @Test
    void shouldOpenTheAnsweredConversationFromTheEmailLinkAndPointOtherBrowsersToTheShop() {
        var created = Api.anonymous(port).post("/api/v1/widget/demo/shoppers", Map.of("screenName", "Robin",
                "name", "Robin Roe", "email", "robin@example.test", "consent", true));
        String token = created.body().path("token").asString();
        Api robin = Api.withToken(port, token);
        String id = robin.post("/api/v1/widget/me/dialogs", Map.of("message", "Is the oak chair available in walnut?"))
                .body().path("id").asString();
        answerAndEnd(id, "Yes, walnut ships next week.");
        String link = "http://localhost:" + port + "/widget/demo?dialog=" + id;

        Page own = page(context(new Browser.NewContextOptions()), "shopper");
        own.navigate("http://localhost:" + port + "/widget/demo?expert=nobody");
        own.evaluate("(token) => localStorage.setItem('vitrine.token.demo', token)", token);
        own.navigate(link);
        assertThat(own.getByTestId("chat-message").filter(new Locator.FilterOptions()
                .setHasText("Yes, walnut ships next week."))).isVisible();

        Page other = page(context(new Browser.NewContextOptions()), "other browser");
        other.navigate(link);
        assertThat(other.getByTestId("linked-elsewhere")).isVisible();
        assertThat(other.getByTestId("linked-elsewhere")).containsText("Open the chat from the shop");
    }

    private void answerAndEnd(String id, String text) {
        Api anna = Api.staff(port, "anna@demo.test", "demo-expert");
        try (Socket console = Socket.connect(anna)) {
            console.awaitType("welcome");
            Assertions.assertThat(anna.post("/api/v1/dialogs/" + id + "/accept", null).status())
                    .isEqualTo(200);
            console.send(Map.of("type", "subscribe", "dialogId", id, "afterSeq", 0));
            console.send(Map.of("type", "say", "dialogId", id, "text", text));
            console.await(f -> event("MESSAGE").test(f) && f.path("text").asString().equals(text));
            Assertions.assertThat(anna.post("/api/v1/dialogs/" + id + "/end", null).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldTellTheExpertWhetherTheCustomerHearsOfTheAnswerByEmail() {
        Api robin = Api.withToken(port, Api.anonymous(port).post("/api/v1/widget/demo/shoppers", Map.of(
                "screenName", "Robin", "name", "Robin Roe", "email", "robin@example.test", "consent", true))
                .body().path("token").asString());
        String byEmail = robin.post("/api/v1/widget/me/dialogs", Map.of("message", "Walnut?")).body().path("id").asString();
        Page anna = login("anna@demo.test", "demo-expert");
        assertThat(answerReach(anna, byEmail)).hasText("The customer gets your answer by email");

        Merchant quiet = merchants.create("quiet", "Quiet Shop",
                new MerchantSettings("#1f6feb", "bottom-right", "Live", false, List.of(), null, 60, 3, true));
        team.addMember(quiet.id(), new TeamApi.NewMember("cara@quiet.test", "Cara Expert", "cara-password-1",
                Role.EXPERT, "cara", null));
        String onReturn = Api.shopper(port, "quiet", "Kim").post("/api/v1/widget/me/dialogs", Map.of("message", "Oak?"))
                .body().path("id").asString();
        Page cara = login("cara@quiet.test", "cara-password-1");
        assertThat(answerReach(cara, onReturn)).hasText("The customer will see your answer when they come back");
    }

    private Page login(String email, String password) {
        return openConsole(page(context(new Browser.NewContextOptions()), email), "http://localhost:" + port, email, password);
    }

    /** Answers the left message in the console; the line under the chat's heading says how the answer reaches them. */
    private static Locator answerReach(Page console, String dialogId) {
        console.locator("[data-testid=queue-item][data-dialog-id='" + dialogId + "']").getByTestId("accept-button").click();
        return console.getByTestId("customer-details").getByTestId("customer-answer-reach");
    }
}
