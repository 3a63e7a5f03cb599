package io.vitrine.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a database matches products to a query. PostgreSQL uses its full-text search on title and description (GIN
 * index from V11_1) or the start of the SKU; H2, the embedded default, a case-insensitive LIKE per word on title,
 * SKU and description. Products whose variant has exactly the query as SKU are found by the caller beforehand and
 * passed as {@code :ids}. Archived products are never matched. Named parameter {@code :merchant} is bound by the caller.
 */
sealed interface SearchDialect {

    int MAX_WORDS = 8;

    /** A condition on the unqualified columns of catalog_product; for a few rows (a member's favourites). */
    String condition(String query, boolean withIds);

    /** A derived table {@code m} with the id and title of all the merchant's matching products. */
    default String matching(String query, boolean withIds) {
        return "(select id, title from catalog_product where merchant_id = :merchant and archived_at is null and "
                + condition(query, withIds) + ") m";
    }

    Map<String, Object> params(String query);

    /** Refreshes the planner's statistics after a large import, so searches keep using the right indexes. */
    String analyze();

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
        private static final String TEXT = DOCUMENT + " @@ plainto_tsquery('english', :q)";
        private static final String SKU = "lower(sku) like :prefix";

        @Override
        public String condition(String query, boolean withIds) {
            return "(" + TEXT + " or " + SKU + (withIds ? " or id in (:ids))" : ")");
        }

        /** A UNION of index scans: with OR, PostgreSQL re-evaluates the text search on every row, ten times slower. */
        @Override
        public String matching(String query, boolean withIds) {
            String from = "select id, title from catalog_product where merchant_id = :merchant and archived_at is null and ";
            return "(" + from + TEXT + " union " + from + SKU + (withIds ? " union " + from + "id in (:ids)" : "") + ") m";
        }

        @Override
        public Map<String, Object> params(String query) {
            String exact = query.strip().toLowerCase(Locale.ROOT);
            return Map.of("q", query.strip(), "prefix", likeEscaped(exact) + "%");
        }

        @Override
        public String analyze() {
            return "analyze catalog_product, catalog_variant";
        }
    }

    record H2() implements SearchDialect {

        @Override
        public String condition(String query, boolean withIds) {
            StringBuilder sql = new StringBuilder("((");
            List<String> words = words(query);
            for (int i = 0; i < words.size(); i++) {
                sql.append(i == 0 ? "" : " and ")
                        .append("lower(title || ' ' || coalesce(sku, '') || ' ' || coalesce(description, '')) like :w")
                        .append(i);
            }
            return sql + ")" + (withIds ? " or id in (:ids)" : "") + ")";
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

        @Override
        public String analyze() {
            return "analyze table catalog_product";
        }
    }
}
