package io.vitrine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.VitrineApplication;
import io.vitrine.support.PostgresSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one database: the router tick, the abandoned-dialog sweep and the presence sweep each run on one node
 * per interval, not on every node; when the node doing the work stops, the other one takes over.
 */
class ClusterSchedulingIntegrationTest {

    private static final Duration INTERVAL = Duration.ofMillis(300);
    private static final List<String> JOBS = List.of("routing-tick", "abandoned-dialogs-sweep", "presence-sweep");
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** One run of a job: the node that got the job's lock for this tick. */
    record Run(String node, String job, Instant at) {}

    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final List<ConfigurableApplicationContext> nodes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
        nodes.clear();
        runs.clear();
    }

    @Test
    void timedJobsRunOnceAcrossNodesOnH2() throws Exception {
        eachTimedJobRunsOnOneNodePerIntervalAndMovesToTheOtherNodeWhenItStops(List.of("--spring.datasource.url=jdbc:h2:mem:cluster-"
                + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
    }

    @Test
    void timedJobsRunOnceAcrossNodesOnPostgres() throws Exception {
        try (var postgres = PostgresSchema.create("vitrine_cluster_").requireReachable()) {
            try {
                eachTimedJobRunsOnOneNodePerIntervalAndMovesToTheOtherNodeWhenItStops(postgres.serverArguments());
            } finally {
                stopNodes(); // before the schema goes
            }
        }
    }

    private void eachTimedJobRunsOnOneNodePerIntervalAndMovesToTheOtherNodeWhenItStops(List<String> database)
            throws Exception {
        var a = start("a", database);
        var b = start("b", database);
        Instant bothUp = Instant.now();

        for (String job : JOBS) {
            awaitRuns(run -> run.job().equals(job) && run.at().isAfter(bothUp), 15);
        }
        for (String job : JOBS) {
            List<Run> together = runsOf(job, bothUp);
            Duration span = Duration.between(together.getFirst().at(), together.getLast().at());
            // One node per interval: at most one run per interval of the whole span (plus the first and some jitter).
            // Every node running its own copy would make about twice as many.
            assertThat(together.size()).as("%s runs in %s ms on two nodes: %s", job, span.toMillis(), together)
                    .isLessThanOrEqualTo((int) (span.toMillis() / INTERVAL.toMillis()) + 2);
        }

        String lastRunner = runsOf("routing-tick", bothUp).getLast().node();
        String survivor = lastRunner.equals("a") ? "b" : "a";
        (lastRunner.equals("a") ? a : b).close();
        Instant stopped = Instant.now();
        for (String job : JOBS) {
            awaitRuns(run -> run.job().equals(job) && run.node().equals(survivor) && run.at().isAfter(stopped), 5);
        }
    }

    private ConfigurableApplicationContext start(String node, List<String> database) {
        List<String> args = new ArrayList<>(database);
        args.addAll(List.of("--server.port=0", "--vitrine.demo=false",
                "--vitrine.routing.tick-interval=" + INTERVAL.toMillis() + "ms",
                "--vitrine.presence.sweep-interval=" + INTERVAL.toMillis() + "ms",
                "--spring.main.banner-mode=off"));
        var context = new SpringApplicationBuilder(VitrineApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(recordingLocks(node)))
                .run(args.toArray(String[]::new));
        nodes.add(context);
        return context;
    }

    /** Wraps the node's lock provider so every lock it gets, and so every run of a job, is recorded. */
    private BeanPostProcessor recordingLocks(String node) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof LockProvider provider)) {
                    return bean;
                }
                return (LockProvider) configuration -> {
                    var lock = provider.lock(configuration);
                    lock.ifPresent(held -> runs.add(new Run(node, configuration.getName(), Instant.now())));
                    return lock;
                };
            }
        };
    }

    private List<Run> runsOf(String job, Instant after) {
        return runs.stream().filter(run -> run.job().equals(job) && run.at().isAfter(after)).toList();
    }

    private void awaitRuns(Predicate<Run> match, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (runs.stream().filter(match).count() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + WAIT.toSeconds() + " s for " + count + " matching runs; saw " + runs);
            }
            Thread.sleep(100); // polling the recorded runs
        }
    }
}
