package io.vitrine.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a database finds the products matching a query: a derived table {@code m} with the id and title of the
 * merchant's matching products (named parameter {@code :merchant} is bound by the caller), and its parameter values.
 * PostgreSQL uses its full-text search on title and description (GIN index from V11_1) and the start of the SKU, as
 * a UNION of two index scans (an OR makes PostgreSQL re-evaluate the text search on every row, ten times slower); H2,
 * the embedded default, a case-insensitive LIKE per word on title, SKU and description. Products whose variant has
 * exactly the query as SKU are found by the caller beforehand and passed as {@code :ids}.
 */
sealed interface SearchDialect {

    int MAX_WORDS = 8;

    /** The derived table {@code m}; {@code withIds} adds the products with the ids {@code :ids}. */
    String matching(String query, boolean withIds);

    Map<String, Object> params(String query);

    static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        for (String word : query.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isBlank() && words.size() < MAX_WORDS) {
                words.add(word);
            }
        }
        return words;
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    record Postgres() implements SearchDialect {

        /** Must stay the expression of the index catalog_product_fts (V11_1) for the index to be used. */
        static final String DOCUMENT = "to_tsvector('english', title || ' ' || coalesce(description, ''))";

        @Override
        public String matching(String query, boolean withIds) {
            return "(select id, title from catalog_product where merchant_id = :merchant and " + DOCUMENT
                    + " @@ plainto_tsquery('english', :q)"
                    + " union select id, title from catalog_product where merchant_id = :merchant and lower(sku) like :prefix"
                    + (withIds ? " union select id, title from catalog_product where merchant_id = :merchant and id in (:ids)" : "")
                    + ") m";
        }

        @Override
        public Map<String, Object> params(String query) {
            String exact = query.strip().toLowerCase(Locale.ROOT);
            return Map.of("q", query.strip(), "prefix", likeEscaped(exact) + "%");
        }
    }

    record H2() implements SearchDialect {

        @Override
        public String matching(String query, boolean withIds) {
            StringBuilder sql = new StringBuilder("(select id, title from catalog_product where merchant_id = :merchant and ((");
            List<String> words = words(query);
            for (int i = 0; i < words.size(); i++) {
                sql.append(i == 0 ? "" : " and ")
                        .append("lower(title || ' ' || coalesce(sku, '') || ' ' || coalesce(description, '')) like :w")
                        .append(i);
            }
            return sql + ")" + (withIds ? " or id in (:ids)" : "") + ")) m";
        }

        @Override
        public Map<String, Object> params(String query) {
            Map<String, Object> params = new LinkedHashMap<>();
            List<String> words = words(query);
            for (int i = 0; i < words.size(); i++) {
                params.put("w" + i, "%" + likeEscaped(words.get(i)) + "%");
            }
            return params;
        }
    }
}
