package io.vitrine.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.vitrine.catalog.Money;
import io.vitrine.notifications.NotificationsIntegrationTest;
import io.vitrine.shared.DomainException;
import io.vitrine.support.Api;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/** Vitrine's checkout: the order is stored, announced, and the buyer gets a confirmation email over real SMTP. */
class OrderConfirmationIntegrationTest extends NotificationsIntegrationTest {

    @Autowired
    SalesApi sales;

    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    @Test
    void shouldStoreACheckoutOrderAnnounceItAndEmailTheBuyer() {
        Shop shop = shop("anna");
        UUID dialog = UUID.randomUUID();
        List<OrderPlaced> announced = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<OrderPlaced>>) e -> announced.add(e.getPayload()));
        GreenMail smtp = smtpServer();
        try {
            Order order = sales.placeOrder(NewOrder.checkout(shop.merchant().id(),
                    new Buyer("Ada Buyer", "ada@" + shop.slug() + ".test", "1 Main Street, Berlin"),
                    List.of(new OrderLine("TEE-M", "Organic tee", 2, new Money(2490, "EUR"))), dialog, shop.memberId("anna")));

            assertThat(order.number()).isEqualTo(1);
            assertThat(order.total()).isEqualTo(new Money(4980, "EUR"));
            assertThat(announced).singleElement().satisfies(event -> {
                assertThat(event.orderId()).isEqualTo(order.id());
                assertThat(event.expertId()).isEqualTo(shop.memberId("anna"));
            });
            eventually().until(() -> smtp.getReceivedMessagesForDomain(shop.slug() + ".test").length >= 1);
            MimeMessage mail = smtp.getReceivedMessagesForDomain(shop.slug() + ".test")[0];
            assertThat(GreenMailUtil.getAddressList(mail.getAllRecipients())).isEqualTo("ada@" + shop.slug() + ".test");
            assertThat(mail.getSubject()).isEqualTo("Your order 1 is confirmed");
            assertThat(GreenMailUtil.getBody(mail)).contains("2 =C3=97 Organic tee").contains("49.80 EUR");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            smtp.stop();
        }
        assertThat(sales.ofDialog(shop.merchant().id(), dialog)).hasSize(1);
        assertThat(shop("other").staff("admin").get("/api/v1/orders?dialogId=" + dialog).body()).isEmpty();
    }

    @Test
    void shouldRefuseACheckoutWithoutBuyerOrLines() {
        Shop shop = shop();
        assertThatThrownBy(() -> sales.placeOrder(NewOrder.checkout(shop.merchant().id(), new Buyer("Ada", null, null),
                List.of(new OrderLine(null, "Tee", 1, new Money(100, "EUR"))), null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("buyer.email"));
        assertThat(shop.staff("admin").get("/api/v1/orders").body()).isEmpty();
    }

    @Test
    void shouldDescribeTheSalesEndpointsInTheOpenApiDocument() {
        var paths = Api.anonymous(port).get("/v3/api-docs").body().path("paths");
        assertThat(List.of("/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/orders/{id}/status", "/api/v1/shares",
                "/api/v1/shares/{id}/revoke", "/api/v1/shares/{id}/qr.png", "/api/v1/shares/{id}/qr.svg",
                "/api/v1/sales/report", "/api/v1/sales/webhook-secrets/{kind}",
                "/api/v1/webhooks/shopify/{merchant}/orders", "/api/v1/webhooks/orders/{merchant}"))
                .allSatisfy(path -> assertThat(paths.has(path)).as(path).isTrue());
    }
}
