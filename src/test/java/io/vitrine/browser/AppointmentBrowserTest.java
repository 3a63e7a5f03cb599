package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.clickAccept;
import static io.vitrine.browser.DialogSteps.openExpertConsole;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vitrine.shared.Actor;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.TeamApi;
import io.vitrine.scheduling.internal.SchedulingAdmin;
import io.vitrine.scheduling.internal.SlotPolicy;
import io.vitrine.support.MovableClock;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appointments in real Chromium: the expert schedules a stream from a live dialog, the Host confirms, a Guest gets
 * the card and downloads the invitation; with the application's clock moved to the start, the room opens and all
 * three are live again. The booking page books a slot once; a booked appointment's room opens at its time for the
 * booker, a Guest they added and the expert.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:appointments-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true",
        "vitrine.scheduling.tick-interval=300ms",
        // The clock jumps ahead to the first free slot, which late in the day is the next morning (Anna works 8:00 to
        // 20:00 Berlin time); consoles seen "long ago" by the moved clock must not count as gone.
        "vitrine.presence.grace=2d"
})
@Import(MovableClock.Configuration.class)
class AppointmentBrowserTest extends ChromiumTest {

    private static final double MEDIA_WAIT_MS = 60_000;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @LocalServerPort
    int port;

    @Autowired MovableClock clock;
    @Autowired MerchantApi merchants;
    @Autowired TeamApi team;
    @Autowired SchedulingAdmin scheduling;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void demoShopSchedules() {
        var demo = merchants.requireBySlug("demo");
        Member admin = team.members(demo.id()).stream().filter(m -> m.email().equals("admin@demo.test")).findFirst().orElseThrow();
        Member anna = team.findByHandle(demo.id(), "anna").orElseThrow();
        var actor = new Actor.Staff(admin.id(), demo.id(), true);
        scheduling.save(actor, new SchedulingAdmin.Settings(true, 30));
        scheduling.setHours(actor, anna.id(), BERLIN, Arrays.stream(DayOfWeek.values())
                .map(day -> new SlotPolicy.Hours(day, LocalTime.of(8, 0), LocalTime.of(20, 0))).toList());
    }

    @Test
    void expertSchedulesHostConfirmsGuestDownloadsTheInvitationAndTheRoomOpensForAllThree() throws Exception {
        String base = "http://localhost:" + port;
        Page console = annaOnline(base);

        Page host = phone("host", "America/New_York");
        host.navigate(base + "/widget/demo");
        host.getByTestId("pd-name").fill("Nora Host");
        host.getByTestId("pd-email").fill("nora@example.com");
        host.getByTestId("consent").check();
        host.getByTestId("start-dialog").click();
        clickAccept(console, "Nora");
        waitForVideo(host);
        host.getByTestId("invite-button").click();
        host.getByTestId("invite-new").click();
        assertThat(host.getByTestId("invite-url")).hasValue(java.util.regex.Pattern.compile("/join/"));
        Page guest = phone("guest", "Asia/Kolkata");
        guest.navigate(host.getByTestId("invite-url").inputValue());
        guest.getByTestId("screen-name").fill("Gita");
        guest.getByTestId("guest-ready").click();
        waitForVideo(guest);

        // The expert picks a time in Berlin and sees the Host's New York time next to it.
        // From the application's clock: a run again after a failure finds it moved already.
        ZonedDateTime start = clock.instant().plus(Duration.ofMinutes(40)).atZone(BERLIN).truncatedTo(ChronoUnit.HOURS)
                .plusHours(1);
        console.getByTestId("console-propose").click();
        console.getByTestId("console-picker-date").fill(start.toLocalDate().toString());
        console.getByTestId("console-picker-time").fill(start.toLocalTime().toString());
        assertThat(console.getByTestId("console-picker-other"))
                .hasValue(start.withZoneSameInstant(NEW_YORK).toLocalTime().toString());
        console.getByTestId("console-picker-submit").click();
        assertThat(console.getByTestId("appointment-card")).hasAttribute("data-status", "PROPOSED");

        // The Host confirms from the card; the Guest sees it confirmed but may not change it.
        Locator hostCard = host.getByTestId("appointment-card");
        assertThat(hostCard.getByTestId("appointment-their-time")).containsText("Europe/Berlin");
        hostCard.getByTestId("appointment-confirm").click();
        assertThat(hostCard).hasAttribute("data-status", "CONFIRMED");
        Locator guestCard = guest.getByTestId("appointment-card");
        assertThat(guestCard).hasAttribute("data-status", "CONFIRMED");
        assertThat(guestCard.getByTestId("appointment-confirm")).hasCount(0);
        assertThat(guestCard.getByTestId("appointment-cancel")).hasCount(0);
        assertThat(guestCard.getByTestId("appointment-google")).hasAttribute("href",
                java.util.regex.Pattern.compile("^https://calendar\\.google\\.com/calendar/render\\?action=TEMPLATE"));
        Download download = guest.waitForDownload(() -> guestCard.getByTestId("appointment-ics").click());
        Calendar invite = new CalendarBuilder().build(new StringReader(Files.readString(download.path())));
        VEvent event = (VEvent) invite.getComponent(Component.VEVENT).orElseThrow();
        Property dtstart = event.getProperty(Property.DTSTART).orElseThrow();
        assertThat(dtstart.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("America/New_York");
        assertThat(dtstart.getValue()).endsWith(start.withZoneSameInstant(NEW_YORK).toLocalTime().toString().replace(":", "") + "00");
        assertThat(console.getByTestId("appointments-item").filter(new Locator.FilterOptions().setHasText("Nora")))
                .hasAttribute("data-status", "CONFIRMED");

        // The expert ends the live dialog; at the appointment's time its room opens again for everyone.
        console.getByTestId("end-dialog").click();
        console.getByTestId("confirm-end").click();
        assertThat(host.getByTestId("rating-star-5")).isVisible();
        clock.moveBy(Duration.between(clock.instant(), start.toInstant()).plusSeconds(5));

        console.getByTestId("active-item").filter(new Locator.FilterOptions().setHasText("Nora")).click();
        assertThat(console.getByTestId("self-video")).isVisible();
        // Host and Guest follow the "room is open" notice back into the widget.
        host.reload();
        waitForVideo(host);
        // The Guest comes back through the Host's link, as after leaving: the room is live again, so it admits them.
        guest.reload();
        guest.getByTestId("screen-name").fill("Gita");
        guest.getByTestId("guest-ready").click();
        waitForVideo(guest);
        assertThat(console.getByTestId("participant")).hasCount(3);
        assertThat(host.getByTestId("chat-notice").and(host.locator("[data-kind=ENDED]"))).hasCount(1);
    }

    @Test
    void theBookingPageBooksASlotOnceAndRefusesItToASecondVisitor() {
        String base = "http://localhost:" + port;
        Page first = phone("first", "Europe/London");
        Page second = phone("second", "Europe/London");
        first.navigate(base + "/book/demo?expert=anna");
        second.navigate(base + "/book/demo?expert=anna");
        Locator firstSlot = first.getByTestId("book-slot").first();
        String start = firstSlot.getAttribute("data-start");

        firstSlot.click();
        first.getByTestId("book-name").fill("Bea Booker");
        first.getByTestId("book-email").fill("bea@example.com");
        first.getByTestId("book-submit").click();
        assertThat(first.getByTestId("book-done")).isVisible();
        assertThat(first.getByTestId("book-google")).hasAttribute("href", java.util.regex.Pattern.compile("calendar\\.google\\.com"));

        clientErrors.allow("HTTP 409 POST"); // the second booking of the slot, refused on purpose
        second.locator("[data-testid=book-slot][data-start=\"" + start + "\"]").click();
        second.getByTestId("book-name").fill("Carl");
        second.getByTestId("book-email").fill("carl@example.com");
        second.getByTestId("book-submit").click();
        assertThat(second.getByTestId("book-error")).containsText("just been booked");
        assertThat(second.locator("[data-testid=book-slot][data-start=\"" + start + "\"]")).hasCount(0);
    }

    @Test
    void aBookedRoomOpensAtTheMovedClockAndTheBookerTheirGuestAndTheExpertMeet() {
        String base = "http://localhost:" + port;
        Page console = annaOnline(base);

        Page booker = phone("booker", "Europe/London");
        booker.navigate(base + "/book/demo?expert=anna");
        Locator slot = booker.getByTestId("book-slot").first();
        Instant start = Instant.parse(slot.getAttribute("data-start"));
        slot.click();
        booker.getByTestId("book-name").fill("Rita Booker");
        booker.getByTestId("book-email").fill("rita@example.com");
        booker.getByTestId("book-submit").click();
        assertThat(booker.getByTestId("book-done")).isVisible();

        // The link from Rita's invitation email: before the time it waits, and she adds a Guest with a link to pass on.
        booker.navigate(base + "/widget/demo?appointment=" + jdbc.sql("""
                select p.token from appointment_pass p join shopper s on s.id = p.shopper_id
                where p.role = 'HOST' and s.email = 'rita@example.com'
                """).query(String.class).single());
        assertThat(booker.getByTestId("appointment-link-waiting")).isVisible();
        booker.getByTestId("appointment-guests-toggle").click();
        booker.getByTestId("appointment-guest-add").click();
        Locator guestLink = booker.getByTestId("appointment-guest-link");
        assertThat(guestLink).hasValue(java.util.regex.Pattern.compile("/widget/demo\\?appointment="));
        Page guest = phone("guest", "Asia/Kolkata");
        guest.navigate(guestLink.inputValue());
        assertThat(guest.getByTestId("appointment-link-waiting")).isVisible();

        // At the booked time the room opens straight to Anna; both links let their people in.
        clock.moveBy(Duration.between(clock.instant(), start).plusSeconds(5));
        booker.getByTestId("appointment-link-join").click();
        console.getByTestId("active-item").filter(new Locator.FilterOptions().setHasText("Rita")).click();
        assertThat(console.getByTestId("self-video")).isVisible();
        waitForVideo(booker);
        guest.getByTestId("appointment-link-name").fill("Gita");
        guest.getByTestId("appointment-link-join").click();
        waitForVideo(guest);
        assertThat(console.getByTestId("participant")).hasCount(3);
    }

    /** Anna's console in Berlin, with camera and microphone, logged in and Online. */
    private Page annaOnline(String base) {
        Page console = page(patient(context(new Browser.NewContextOptions().setTimezoneId("Europe/Berlin")
                .setPermissions(List.of("camera", "microphone")))), "expert");
        console.setViewportSize(1280, 800);
        openExpertConsole(console, base);
        console.getByTestId("presence-ONLINE").click();
        return console;
    }

    /** A phone-sized page (390×844) in a context of its own, in the given time zone. */
    private Page phone(String name, String zone) {
        BrowserContext context = patient(context(new Browser.NewContextOptions().setTimezoneId(zone)
                .setPermissions(List.of("microphone")).setAcceptDownloads(true)));
        Page page = page(context, name);
        page.setViewportSize(390, 844);
        return page;
    }

    /** Three browsers with media on a shared two-core machine: loading a page can take longer than Playwright's 30 s. */
    private static BrowserContext patient(BrowserContext context) {
        context.setDefaultTimeout(60_000);
        context.setDefaultNavigationTimeout(90_000);
        return context;
    }

    private static void waitForVideo(Page customer) {
        customer.waitForFunction("() => document.querySelector('[data-testid=expert-video]')?.videoWidth > 0", null,
                new Page.WaitForFunctionOptions().setTimeout(MEDIA_WAIT_MS).setPollingInterval(100));
    }
}
