package io.vitrine.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.VitrineApplication;
import io.vitrine.shared.Actor;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.TeamApi;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two nodes on one database, and a restart: each reminder of a booked appointment is sent once in all. */
class ReminderClusterIntegrationTest {

    private final String database = "jdbc:h2:mem:reminders-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    /** The database the nodes share, as command-line arguments. */
    protected List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + database);
    }

    /** Called once every node has stopped. */
    protected void dropDatabase() {
    }

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        dropDatabase();
    }

    @Test
    void shouldSendEachReminderOnceAcrossTwoNodesAndNotAgainAfterARestart() throws Exception {
        var a = start();
        var b = start();
        Instant start = bookedAppointment(a);
        ReminderJob[] jobs = {a.getBean(ReminderJob.class), b.getBean(ReminderJob.class)};

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ReminderJob job = jobs[i % 2];
                runs.add(threads.submit(() -> {
                    go.await();
                    int sent = 0;
                    for (int round = 0; round < 5; round++) {
                        sent += job.sendDue(start.plus(Duration.ofMinutes(1)));
                    }
                    return sent;
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get(120, TimeUnit.SECONDS);
            }
            assertThat(total).as("24 h, 10 min and room open, once each").isEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        assertThat(reminderNotices(jdbc)).as("three to the expert, three to the booker").isEqualTo(6);

        a.close();
        var restarted = start();
        assertThat(restarted.getBean(ReminderJob.class).sendDue(start.plus(Duration.ofMinutes(2)))).isZero();
        assertThat(reminderNotices(restarted.getBean(JdbcClient.class))).isEqualTo(6);
    }

    private static int reminderNotices(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from notice where kind in ('appointment.reminder', 'appointment.soon', 'appointment.open')")
                .query(Integer.class).single();
    }

    /** A merchant with one expert working every day, and a booking two days or more ahead. */
    private static Instant bookedAppointment(ConfigurableApplicationContext node) {
        String slug = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        Merchant merchant = node.getBean(MerchantApi.class).create(slug, "Shop", MerchantSettings.defaults());
        TeamApi team = node.getBean(TeamApi.class);
        Member admin = team.addMember(merchant.id(), new TeamApi.NewMember("admin@" + slug + ".test", "Admin",
                "correct-horse-battery", Role.ADMIN, null, null));
        Member anna = team.addMember(merchant.id(), new TeamApi.NewMember("anna@" + slug + ".test", "Anna Expert",
                "correct-horse-battery", Role.EXPERT, "anna", null));
        var adminActor = new Actor.Staff(admin.id(), merchant.id(), true);
        SchedulingAdmin scheduling = node.getBean(SchedulingAdmin.class);
        scheduling.save(adminActor, new SchedulingAdmin.Settings(true, 30));
        scheduling.setHours(adminActor, anna.id(), ZoneId.of("Europe/Berlin"), Arrays.stream(DayOfWeek.values())
                .map(day -> new SlotPolicy.Hours(day, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList());
        BookingService booking = node.getBean(BookingService.class);
        Instant slot = booking.slots(slug, "anna", null).getFirst().slots().stream()
                .filter(s -> s.isAfter(Instant.now().plus(Duration.ofDays(2)))).findFirst().orElseThrow();
        booking.book(slug, new BookingService.Booking("Bea Booker", "bea@example.com", "anna", slot, ZoneId.of("Asia/Kolkata")));
        return slot;
    }

    private ConfigurableApplicationContext start() {
        List<String> arguments = new ArrayList<>(databaseArguments());
        arguments.addAll(List.of("--server.port=0", "--vitrine.demo=false", "--spring.main.banner-mode=off"));
        var context = new SpringApplicationBuilder(VitrineApplication.class).run(arguments.toArray(String[]::new));
        nodes.add(context);
        return context;
    }
}
