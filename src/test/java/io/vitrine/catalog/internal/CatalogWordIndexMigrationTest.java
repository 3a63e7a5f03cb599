package io.vitrine.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** An H2 database with products from before V65 gets their search text and word index when it migrates. */
class CatalogWordIndexMigrationTest {

    @Test
    void shouldIndexTheProductsThereAreAndMarkWordsOfManyProductsCommon() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:v65-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")) {
            UUID shop = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            try (Statement s = db.createStatement()) {
                s.execute("create table catalog_product (id uuid primary key, merchant_id uuid not null, title varchar(300) not null, "
                        + "sku varchar(100), description varchar(10000), archived_at timestamp with time zone)");
                s.execute("alter table catalog_product add column search_text varchar(10402) generated always as ("
                        + "lower(title || ' ' || coalesce(sku, '') || ' ' || coalesce(description, '')))");
                s.execute("create index catalog_product_title on catalog_product (merchant_id, title, id, archived_at, search_text)");
            }
            try (PreparedStatement insert = db.prepareStatement("insert into catalog_product (id, merchant_id, title, sku, description) values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i <= WordIndex.FEW; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, shop);
                    insert.setString(3, i == 0 ? "Classic Cotton T-Shirt" : "Mug " + i);
                    insert.setString(4, i == 0 ? "VT-TEE" : null);
                    insert.setString(5, "Stoneware");
                    insert.addBatch();
                }
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, other);
                insert.setString(3, "Other Shirt");
                insert.setString(4, null);
                insert.setString(5, null);
                insert.addBatch();
                insert.executeBatch();
            }

            new V65__CatalogWordIndex().migrate(context(db));

            assertThat(column(db, "select search_text from catalog_product where sku = 'VT-TEE'"))
                    .containsExactly(" classic cotton t-shirt t shirt vt-tee vt tee stoneware ");
            assertThat(column(db, "select count(*) from catalog_search_word where word = 'shirt'"))
                    .as("one row per merchant's product").containsExactly("2");
            assertThat(column(db, "select word from catalog_search_common where merchant_id = '" + shop + "' order by word"))
                    .as("more than FEW products have it").containsExactly("stoneware");
            assertThat(column(db, "select count(*) from catalog_search_word where word = 'stoneware'")).containsExactly("0");
            assertThat(column(db, "select count(*) from catalog_search_word where word = 'mug'")).as("FEW is still rare").containsExactly("2000");
            assertThat(column(db, "select count(*) from catalog_search_word where word = '2000'")).containsExactly("1");
        }
    }

    private static List<String> column(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
