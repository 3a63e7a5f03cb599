package io.vitrine.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a database matches products to a query, on the search columns of V62 that each write keeps current.
 * PostgreSQL uses its full-text search on title and description (the stored tsvector and its GIN index) or the start
 * of the SKU; H2, the embedded default, a LIKE per word on the stored {@link SearchWords} of title, SKU and description
 * (a product matches when it has a word starting with each query word), helped by its {@link WordIndex}. Products
 * whose variant has exactly the query as SKU are found by the caller beforehand and passed as {@code :ids}.
 */
sealed interface SearchDialect {

    int MAX_WORDS = 8;

    /**
     * A condition on the unqualified columns of catalog_product. It tests each row on its own (no derived table or
     * union), so that a search ordered by title can walk the title index and stop at the page.
     */
    String condition(String query, boolean withIds);

    Map<String, Object> params(String query);

    /**
     * Refreshes the planner's statistics after a large import, so searches keep using the right indexes. Outside a
     * transaction PostgreSQL also vacuums, which marks the new rows visible to all so the title walk reads the index
     * alone (VACUUM cannot run inside a transaction).
     */
    String analyze(boolean outsideTransaction);

    /** Statements run in a search's transaction before it. */
    default List<String> searchSettings() {
        return List.of();
    }

    static List<String> words(String query) {
        return SearchWords.ofQuery(query, MAX_WORDS);
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    record Postgres() implements SearchDialect {

        /** The expression of the index catalog_product_fts of V11_1, which V62 replaced by a stored column. */
        static final String DOCUMENT = "to_tsvector('english', title || ' ' || coalesce(description, ''))";
        private static final String TEXT = "search_document @@ plainto_tsquery('english', :q)";
        private static final String SKU = "lower(sku) like :prefix";

        @Override
        public String condition(String query, boolean withIds) {
            return "(" + TEXT + " or " + SKU + (withIds ? " or id in (:ids))" : ")");
        }

        @Override
        public Map<String, Object> params(String query) {
            String exact = query.strip().toLowerCase(Locale.ROOT);
            return Map.of("q", query.strip(), "prefix", likeEscaped(exact) + "%");
        }

        @Override
        public String analyze(boolean outsideTransaction) {
            return (outsideTransaction ? "vacuum (analyze) " : "analyze ") + "catalog_product, catalog_variant";
        }

        /**
         * Each search is planned for its words: walking the title index suits a common word, the GIN index and a sort
         * a rare one. A cached generic plan cannot tell them apart and walked every product for a SKU (over a second).
         */
        @Override
        public List<String> searchSettings() {
            return List.of("set local plan_cache_mode = force_custom_plan");
        }
    }

    record H2() implements SearchDialect {

        @Override
        public String condition(String query, boolean withIds) {
            StringBuilder sql = new StringBuilder("((");
            List<String> words = words(query);
            for (int i = 0; i < words.size(); i++) {
                sql.append(i == 0 ? "" : " and ").append("search_text like :w").append(i);
            }
            return sql + ")" + (withIds ? " or id in (:ids)" : "") + ")";
        }

        @Override
        public Map<String, Object> params(String query) {
            Map<String, Object> params = new LinkedHashMap<>();
            List<String> words = words(query);
            for (int i = 0; i < words.size(); i++) {
                params.put("w" + i, "% " + likeEscaped(words.get(i)) + "%");
            }
            return params;
        }

        @Override
        public String analyze(boolean outsideTransaction) {
            return "analyze table catalog_product";
        }
    }
}
