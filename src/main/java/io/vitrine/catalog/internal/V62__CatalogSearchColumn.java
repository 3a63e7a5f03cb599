package io.vitrine.catalog.internal;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Stores what search matches, computed by the database on every write, so that testing a product is cheap and a
 * search can walk the products in title order and stop at the page (see {@link SearchDialect}).
 * <ul>
 * <li>PostgreSQL: the tsvector of title and description in a generated column with its GIN index (replacing the
 * expression index of V11_1); the planner keeps statistics on the column to choose between the title-order walk
 * (common words) and the GIN index plus a sort (rare words). The title index includes the column (and the archive
 * date and SKU), so the walk reads the index alone once a vacuum has marked the rows visible.
 * <li>H2: title, SKU and description in lower case, and an index that holds it after (merchant, title, id), so the
 * title-order walk reads the index alone, never the rows.
 * </ul>
 */
@Component
class V62__CatalogSearchColumn extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = "PostgreSQL".equalsIgnoreCase(context.getConnection().getMetaData().getDatabaseProductName());
        try (Statement statement = context.getConnection().createStatement()) {
            if (postgres) {
                statement.execute("alter table catalog_product add column search_document tsvector generated always as ("
                        + "to_tsvector('english', title || ' ' || coalesce(description, ''))) stored");
                statement.execute("drop index catalog_product_fts");
                statement.execute("create index catalog_product_search on catalog_product using gin (search_document)");
                statement.execute("drop index catalog_product_title");
                statement.execute("create index catalog_product_title on catalog_product (merchant_id, title, id) include (archived_at, sku, search_document)");
            } else {
                statement.execute("alter table catalog_product add column search_text varchar(10402) generated always as ("
                        + "lower(title || ' ' || coalesce(sku, '') || ' ' || coalesce(description, '')))");
                statement.execute("drop index catalog_product_title");
                statement.execute("create index catalog_product_title on catalog_product (merchant_id, title, id, archived_at, search_text)");
            }
        }
    }
}
