package io.vitrine.catalog.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    /** Full-text search on PostgreSQL, LIKE on everything else (H2). */
    @Bean
    SearchDialect catalogSearchDialect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())
                    ? new SearchDialect.Postgres() : new SearchDialect.H2();
        }
    }

    /** Imports run on virtual threads; their state is in the database, so nothing is lost but the running work. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService catalogImportExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("catalog-import-", 0).factory());
    }
}
