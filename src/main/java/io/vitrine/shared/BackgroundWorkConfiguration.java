package io.vitrine.shared;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Work that runs outside a request. Module listeners ({@code @ApplicationModuleListener}) run asynchronously after the
 * publishing transaction commits, from the event publication registry. Scheduled jobs annotated with
 * {@code @SchedulerLock} run on one node of a cluster per tick, arbitrated by the {@code shedlock} table; the lock is
 * timed by the database's clock, so nodes whose clocks differ still agree.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableSchedulerLock(defaultLockAtMostFor = "60s")
class BackgroundWorkConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
