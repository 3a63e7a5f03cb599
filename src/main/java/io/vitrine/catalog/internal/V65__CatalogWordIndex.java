package io.vitrine.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * H2 only: the word index of catalog search ({@link WordIndex}), so that a word few products have is found without
 * reading every product. The search text of V62 becomes the product's {@link SearchWords}, written by the application
 * with the index, instead of a generated lower-case copy. PostgreSQL keeps its full-text index.
 * The index has no foreign keys: products are archived, never deleted, and keys would cost more indexes.
 */
@Component
class V65__CatalogWordIndex extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if ("PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop index catalog_product_title");
            statement.execute("alter table catalog_product drop column search_text");
            statement.execute("alter table catalog_product add column search_text varchar(" + SearchWords.MAX_TEXT + ")");
            statement.execute("create table catalog_search_word (merchant_id uuid not null, word varchar("
                    + SearchWords.MAX_INDEXED + ") not null, product_id uuid not null, primary key (merchant_id, word, product_id))");
            statement.execute("create table catalog_search_common (merchant_id uuid not null, word varchar("
                    + SearchWords.MAX_INDEXED + ") not null, primary key (merchant_id, word))");
        }
        index(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create index catalog_product_title on catalog_product (merchant_id, title, id, archived_at, search_text)");
        }
    }

    /** Fills the text and the index of the products there are, one merchant at a time. */
    private static void index(Connection connection) throws SQLException {
        try (Statement read = connection.createStatement();
                ResultSet products = read.executeQuery("select id, merchant_id, title, sku, description from catalog_product order by merchant_id");
                PreparedStatement text = connection.prepareStatement("update catalog_product set search_text = ? where id = ?")) {
            UUID merchant = null;
            Map<String, Set<UUID>> words = new HashMap<>();
            while (products.next()) {
                UUID id = products.getObject("id", UUID.class);
                UUID next = products.getObject("merchant_id", UUID.class);
                if (!next.equals(merchant)) {
                    write(connection, merchant, words);
                    merchant = next;
                    words = new HashMap<>();
                }
                Set<String> productWords = SearchWords.of(products.getString("title"), products.getString("sku"), products.getString("description"));
                text.setString(1, SearchWords.text(productWords));
                text.setObject(2, id);
                text.executeUpdate();
                for (String word : productWords) {
                    words.computeIfAbsent(SearchWords.indexed(word), k -> new HashSet<>()).add(id);
                }
            }
            write(connection, merchant, words);
        }
    }

    private static void write(Connection connection, UUID merchant, Map<String, Set<UUID>> words) throws SQLException {
        if (merchant == null) {
            return;
        }
        try (PreparedStatement row = connection.prepareStatement("insert into catalog_search_word (merchant_id, word, product_id) values (?, ?, ?)");
                PreparedStatement common = connection.prepareStatement("insert into catalog_search_common (merchant_id, word) values (?, ?)")) {
            for (Map.Entry<String, Set<UUID>> word : words.entrySet()) {
                if (word.getValue().size() > WordIndex.FEW) {
                    common.setObject(1, merchant);
                    common.setString(2, word.getKey());
                    common.addBatch();
                    continue;
                }
                for (UUID id : word.getValue()) {
                    row.setObject(1, merchant);
                    row.setString(2, word.getKey());
                    row.setObject(3, id);
                    row.addBatch();
                }
                row.executeBatch();
            }
            common.executeBatch();
        }
    }
}
