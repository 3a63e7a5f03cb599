package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vitrine.shared.Actor;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.TeamApi;
import io.vitrine.scheduling.internal.BookingService;
import io.vitrine.scheduling.internal.SchedulingAdmin;
import io.vitrine.scheduling.internal.SlotPolicy;
import io.vitrine.support.FreePorts;
import io.vitrine.support.Mails;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The appointment request button in real Chromium on a phone: a buyer requests a time from the demo shop's button,
 * the admin confirms it under Requests in the dashboard (the time was taken meanwhile: the admin picks a free one
 * offered next to the refusal), and the buyer's email has the calendar invitation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:inquiry-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true",
        "vitrine.notifications.outbox.poll-interval=200ms"
})
class InquiryBrowserTest extends ChromiumTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int SMTP_PORT = FreePorts.outsideEphemeralRange();

    @LocalServerPort
    int port;

    @Autowired MerchantApi merchants;
    @Autowired TeamApi team;
    @Autowired SchedulingAdmin scheduling;
    @Autowired BookingService booking;

    private GreenMail smtp;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeEach
    void demoShopTakesAppointments() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        var demo = merchants.requireBySlug("demo");
        Member admin = team.members(demo.id()).stream().filter(m -> m.email().equals("admin@demo.test")).findFirst().orElseThrow();
        Member anna = team.findByHandle(demo.id(), "anna").orElseThrow();
        var actor = new Actor.Staff(admin.id(), demo.id(), true);
        scheduling.save(actor, new SchedulingAdmin.Settings(true, 30));
        scheduling.setHours(actor, anna.id(), BERLIN, Arrays.stream(DayOfWeek.values())
                .map(day -> new SlotPolicy.Hours(day, LocalTime.of(8, 0), LocalTime.of(20, 0))).toList());
    }

    @AfterEach
    void stopMail() {
        smtp.stop();
    }

    @Test
    void aBuyerRequestsAnAppointmentFromTheDemoShopAndTheAdminConfirmsIt() throws Exception {
        String base = "http://localhost:" + port;
        Instant slot = booking.slots("demo", "anna", null).get(0).slots().get(3);
        ZonedDateTime local = slot.atZone(BERLIN);

        Page shop = phone("buyer");
        shop.navigate(base + "/demo");
        shop.getByTestId("demo-request-appointment").click();
        FrameLocator form = shop.frameLocator("[data-testid=vitrine-request-frame]");
        assertThat(form.getByTestId("tab-appointment")).hasAttribute("aria-selected", "true");
        form.getByTestId("request-name").fill("Bea Buyer");
        form.getByTestId("request-email").fill("bea@buyer.test");
        form.getByTestId("request-company").fill("Buyer GmbH");
        form.getByTestId("request-date").fill(local.toLocalDate().toString());
        form.getByTestId("request-time").fill(local.toLocalTime().toString());
        form.getByTestId("request-message").fill("The spring collection, please.");
        form.getByTestId("request-submit").click();
        assertThat(form.getByTestId("request-done")).isVisible();
        assertThat(form.getByTestId("request-done-text")).containsText("has been sent");
        MimeMessage toBrand = Mails.awaitMailTo(smtp, "admin@demo.test");
        assertThat(toBrand.getSubject()).startsWith("Appointment request from Bea Buyer:");

        Page admin = phone("admin");
        admin.navigate(base + "/login");
        admin.getByTestId("login-email").fill("admin@demo.test");
        admin.getByTestId("login-password").fill("demo-admin");
        admin.getByTestId("login-submit").click();
        admin.waitForURL("**/console");
        admin.navigate(base + "/admin");
        admin.getByTestId("requests-link").click();
        admin.waitForURL("**/admin/requests");
        assertThat((Boolean) admin.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the Requests page fits a phone").isTrue();
        Locator request = admin.getByTestId("requests-list").locator("li").filter(new Locator.FilterOptions().setHasText("Bea Buyer"));
        assertThat(request).hasCount(1);

        // Meanwhile someone books that time on the booking page: confirming it is refused, and free times are offered.
        booking.book("demo", new BookingService.Booking("Carl", "carl@buyer.test", "anna", slot, BERLIN));
        clientErrors.allow("HTTP 409 POST");
        request.getByTestId("request-expert").selectOption("anna");
        request.getByTestId("request-confirm").click();
        assertThat(request.getByTestId("request-error")).containsText("this time has just been booked");
        Locator freeTime = request.getByTestId("request-free-time").first();
        assertThat(freeTime).isVisible();
        Instant other = Instant.parse(freeTime.getAttribute("data-start"));
        freeTime.click();
        request.getByTestId("request-confirm").click();
        assertThat(request).hasCount(0);
        admin.getByTestId("requests-filter").selectOption("");
        assertThat(admin.getByTestId("requests-list").locator("li[data-status=CONFIRMED]")).containsText("Bea Buyer");

        MimeMessage invitation = Mails.awaitMailTo(smtp, "bea@buyer.test", "Appointment confirmed:");
        assertThat(other).isNotEqualTo(slot);
        assertThat(invitation.getSubject()).startsWith("Appointment confirmed:");
        Calendar calendar = Mails.calendarOf(invitation);
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(other);
    }

    @Test
    void theRequestPageSpeaksGermanToAGermanBrowserAndRefusesABadAddressNextToTheField() {
        Page page = phone("buyer", "de-DE");
        page.navigate("http://localhost:" + port + "/request/demo?kind=video");
        assertThat(page.getByTestId("tab-video")).hasText("Videochat anfragen");
        assertThat(page.getByTestId("tab-video")).hasAttribute("aria-selected", "true");
        assertThat(page.getByTestId("request-submit")).hasText("Anfrage senden");
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the request page fits a phone").isTrue();
        page.getByTestId("tab-email").click();
        page.getByTestId("request-name").fill("Bea");
        page.getByTestId("request-email").fill("bea@nowhere");
        page.getByTestId("request-message").fill("Hallo");
        clientErrors.allow("HTTP 400 POST");
        page.getByTestId("request-submit").click();
        assertThat(page.locator("#request-email-error")).isVisible();
        assertThat(page.getByTestId("request-email")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByTestId("request-done")).isHidden();
    }

    /** A phone-sized page (390×844) in a context of its own, in Berlin. */
    private Page phone(String name) {
        return phone(name, "en-GB");
    }

    private Page phone(String name, String locale) {
        BrowserContext context = context(new Browser.NewContextOptions().setTimezoneId("Europe/Berlin").setLocale(locale));
        context.setDefaultTimeout(60_000);
        context.setDefaultNavigationTimeout(90_000);
        Page page = page(context, name);
        page.setViewportSize(390, 844);
        return page;
    }
}
