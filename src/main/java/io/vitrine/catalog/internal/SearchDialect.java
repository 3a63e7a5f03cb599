package io.vitrine.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a database finds the products matching a query: SQL selecting matching product ids (named parameter
 * {@code :merchant} plus the dialect's own) and the parameter values for a query. PostgreSQL uses its full-text
 * search on title and description (GIN index from V11_1); H2, the embedded default, a case-insensitive LIKE per
 * word. Both also find a product by the start of its SKU and by the exact SKU of one of its variants.
 */
sealed interface SearchDialect {

    int MAX_WORDS = 8;

    String matchingIds(String query);

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
        public String matchingIds(String query) {
            return """
                    select id from catalog_product
                        where merchant_id = :merchant and %s @@ plainto_tsquery('english', :q)
                    union select id from catalog_product where merchant_id = :merchant and lower(sku) like :prefix
                    union select product_id from catalog_variant where merchant_id = :merchant and lower(sku) = :exact"""
                    .formatted(DOCUMENT);
        }

        @Override
        public Map<String, Object> params(String query) {
            String exact = query.strip().toLowerCase(Locale.ROOT);
            return Map.of("q", query.strip(), "prefix", likeEscaped(exact) + "%", "exact", exact);
        }
    }

    record H2() implements SearchDialect {

        @Override
        public String matchingIds(String query) {
            StringBuilder sql = new StringBuilder("select id from catalog_product where merchant_id = :merchant");
            List<String> words = words(query);
            for (int i = 0; i < words.size(); i++) {
                sql.append(" and lower(title || ' ' || coalesce(sku, '') || ' ' || coalesce(description, '')) like :w")
                        .append(i);
            }
            return sql + " union select product_id from catalog_variant where merchant_id = :merchant and lower(sku) = :exact";
        }

        @Override
        public Map<String, Object> params(String query) {
            Map<String, Object> params = new LinkedHashMap<>();
            List<String> words = words(query);
            for (int i = 0; i < words.size(); i++) {
                params.put("w" + i, "%" + likeEscaped(words.get(i)) + "%");
            }
            params.put("exact", query.strip().toLowerCase(Locale.ROOT));
            return params;
        }
    }
}
