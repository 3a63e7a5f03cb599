package io.vitrine.dialog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.shared.Actor;
import io.vitrine.dialog.DialogMode;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.EventKind;
import io.vitrine.dialog.ParticipantRole;
import io.vitrine.dialog.StaffQueue;
import io.vitrine.shopper.Shopper;
import io.vitrine.shopper.ShopperApi;
import io.vitrine.support.IntegrationTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Dialog lists and the staff queue are read with a fixed number of SQL statements: a console showing 50 dialogs
 * costs the database no more round trips than one showing 5.
 */
@Import(ListReadsIntegrationTest.CountingDataSource.class)
class ListReadsIntegrationTest extends IntegrationTest {

    @Autowired
    DialogService service;

    @Autowired
    Dialogs dialogs;

    @Autowired
    Participants participants;

    @Autowired
    Timeline timeline;

    @Autowired
    ShopperApi shoppers;

    @Test
    void shouldReadTheStaffListWithTheSameStatementsForFiftyDialogsAsForFive() {
        Seeded few = seed(5, DialogStatus.ACTIVE);
        Seeded many = seed(50, DialogStatus.ACTIVE);

        int fewCount = statements(() -> service.search(few.staff(), null, false, 50)).count();
        var manyRead = statements(() -> service.search(many.staff(), null, false, 50));

        assertThat(manyRead.count()).isEqualTo(fewCount);
        assertThat(manyRead.result()).hasSize(50).allSatisfy(ListReadsIntegrationTest::showsItsPeople);
    }

    @Test
    void shouldReadTheShoppersListWithTheSameStatementsForFiftyDialogsAsForFive() {
        Seeded few = seed(5, DialogStatus.ENDED);
        Seeded many = seed(50, DialogStatus.ENDED);

        int fewCount = statements(() -> service.ofShopper(few.shopper())).count();
        var manyRead = statements(() -> service.ofShopper(many.shopper()));

        assertThat(manyRead.count()).isEqualTo(fewCount);
        assertThat(manyRead.result()).hasSize(50).allSatisfy(ListReadsIntegrationTest::showsItsPeople);
    }

    @Test
    void shouldReadTheStaffQueueWithTheSameStatementsForFiftyWaitingDialogsAsForFive() {
        Seeded few = seed(5, DialogStatus.WAITING);
        Seeded many = seed(50, DialogStatus.WAITING);

        int fewCount = statements(() -> service.staffQueue(few.staff().merchantId())).count();
        var manyRead = statements(() -> service.staffQueue(many.staff().merchantId()));

        assertThat(manyRead.count()).isEqualTo(fewCount);
        List<StaffQueue.Entry> waiting = manyRead.result().waiting();
        assertThat(waiting).hasSize(50).allSatisfy(entry -> {
            assertThat(entry.host().name()).isEqualTo("Alex");
            assertThat(entry.lastMessage()).isEqualTo("Second question for " + entry.dialogId());
        });
    }

    private static void showsItsPeople(DialogView view) {
        assertThat(view.host().name()).isEqualTo("Alex");
        assertThat(view.expert().name()).isEqualTo("Anna Expert");
        assertThat(view.lastMessage()).isEqualTo("Second question for " + view.id());
        assertThat(view.merchant().name()).startsWith("Shop ");
    }

    private record Seeded(Actor.Staff staff, Shopper shopper) {}

    /** {@code count} dialogs of one shopper, each with its Host, an expert and two messages. */
    private Seeded seed(int count, DialogStatus status) {
        Shop shop = shop("anna");
        UUID anna = shop.memberId("anna");
        Shopper alex = shoppers.createGuest(shop.merchant().id(), "Alex").shopper();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            dialogs.insert(new DialogRow(id, shop.merchant().id(), status, DialogMode.TEXT, alex.id(), null, null, null,
                    null, now.plusMillis(i), null, null, 0, null, null, null, null));
            var host = participants.add(id, ParticipantRole.HOST, alex.id(), null, "Alex", now);
            var expert = participants.add(id, ParticipantRole.EXPERT, null, anna, "Anna Expert", now);
            timeline.append(id, EventKind.MESSAGE, host, "First question", null, now);
            timeline.append(id, EventKind.MESSAGE, host, "Second question for " + id, null, now);
            timeline.append(id, EventKind.JOINED, expert, null, null, now);
        }
        return new Seeded(new Actor.Staff(anna, shop.merchant().id(), true), alex);
    }

    private record Counted<T>(T result, int count) {}

    private static <T> Counted<T> statements(Supplier<T> read) {
        CountingDataSource.COUNT.set(new AtomicInteger());
        try {
            T result = read.get();
            return new Counted<>(result, CountingDataSource.COUNT.get().get());
        } finally {
            CountingDataSource.COUNT.remove();
        }
    }

    /** Counts the statements the test's own thread prepares; background work on other threads is not counted. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountingDataSource {

        static final ThreadLocal<AtomicInteger> COUNT = new ThreadLocal<>();

        @Bean
        static BeanPostProcessor countingDataSourceWrapper() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && !(bean instanceof DelegatingDataSource) ? wrap(ds) : bean;
                }
            };
        }

        private static DataSource wrap(DataSource target) {
            return new DelegatingDataSource(target) {
                @Override
                public Connection getConnection() throws SQLException {
                    return counting(super.getConnection());
                }
            };
        }

        private static Connection counting(Connection target) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        AtomicInteger count = COUNT.get();
                        if (count != null && method.getName().matches("prepareStatement|prepareCall|createStatement")) {
                            count.incrementAndGet();
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
