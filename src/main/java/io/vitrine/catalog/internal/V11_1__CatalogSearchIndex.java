package io.vitrine.catalog.internal;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL only: the GIN index behind catalog search, and an index for SKU prefixes. H2 has no full-text search of
 * this kind and searches with LIKE instead (see {@link SearchDialect}); there this migration does nothing.
 */
@Component
class V11_1__CatalogSearchIndex extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(database)) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("create index catalog_product_fts on catalog_product using gin (" + SearchDialect.Postgres.DOCUMENT + ")");
            statement.execute("create index catalog_product_sku_prefix on catalog_product (merchant_id, lower(sku) text_pattern_ops)");
        }
    }
}
