package io.vitrine.catalog.internal;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * H2's word index (migration V65): each product's {@link SearchWords} as its search_text, and the products of each
 * rare word in catalog_search_word. A search whose rarest word has few products starts from those products instead
 * of reading every product in title order.
 * <p>
 * Only rare words are indexed: a word that more than {@link #FEW} products have is marked common
 * (catalog_search_common) and its rows are dropped, because a search for it fills a page quickly by walking the title
 * index anyway. That keeps the index to a few rows per product, so a large import stays fast. A common word stays
 * common. PostgreSQL has its full-text index and does not use this one: every method does nothing there.
 */
@Component
class WordIndex {

    /** Up to this many products a word is indexed and a search can start from it. */
    static final int FEW = 2_000;
    private static final String RANGE = "word >= :from and word < :to";
    private static final int[] ROW = {Types.OTHER, Types.VARCHAR, Types.OTHER};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final boolean enabled;

    WordIndex(JdbcClient jdbc, JdbcTemplate template, SearchDialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.enabled = dialect instanceof SearchDialect.H2;
    }

    /** Whether products carry a search_text that their writer fills in ({@link SearchWords#text}). */
    boolean enabled() {
        return enabled;
    }

    /** Indexes products just inserted with their search_text, in the caller's transaction. */
    void added(UUID merchantId, Map<UUID, Set<String>> wordsByProduct) {
        if (!enabled || wordsByProduct.isEmpty()) {
            return;
        }
        Map<String, Set<UUID>> added = new HashMap<>();
        wordsByProduct.forEach((id, words) -> indexed(words).forEach(w -> added.computeIfAbsent(w, k -> new HashSet<>()).add(id)));
        write(merchantId, added, Map.of());
    }

    /**
     * Brings the search_text and index of these products up to date with their title, SKU and description, in the
     * caller's transaction; only what changed is written.
     */
    void refresh(UUID merchantId, Collection<UUID> productIds) {
        if (!enabled || productIds.isEmpty()) {
            return;
        }
        List<Object[]> texts = new ArrayList<>();
        Map<String, Set<UUID>> added = new HashMap<>();
        Map<String, Set<UUID>> removed = new HashMap<>();
        jdbc.sql("select id, title, sku, description, search_text from catalog_product where id in (:ids)")
                .param("ids", Set.copyOf(productIds))
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Set<String> words = SearchWords.of(rs.getString("title"), rs.getString("sku"), rs.getString("description"));
                    String text = SearchWords.text(words);
                    String stored = rs.getString("search_text");
                    if (text.equals(stored)) {
                        return;
                    }
                    texts.add(new Object[] {text, id});
                    Set<String> now = indexed(words);
                    Set<String> before = stored == null ? Set.of() : indexed(SearchWords.ofStored(stored));
                    now.stream().filter(w -> !before.contains(w)).forEach(w -> added.computeIfAbsent(w, k -> new HashSet<>()).add(id));
                    before.stream().filter(w -> !now.contains(w)).forEach(w -> removed.computeIfAbsent(w, k -> new HashSet<>()).add(id));
                });
        template.batchUpdate("update catalog_product set search_text = ? where id = ?", texts, new int[] {Types.VARCHAR, Types.OTHER});
        write(merchantId, added, removed);
    }

    /**
     * The products that have a word starting with the rarest of these words, when one of them is rare enough to
     * start from; null when every word is common (the title walk is quicker then).
     */
    @Nullable Set<UUID> candidates(UUID merchantId, List<String> words) {
        if (!enabled || words.isEmpty()) {
            return null;
        }
        String rarest = null;
        long fewest = FEW + 1;
        for (String word : new LinkedHashSet<>(words)) {
            if (startingWith(word, "select count(*) from catalog_search_common where merchant_id = :merchant and " + RANGE, merchantId)
                    .query(Long.class).single() > 0) {
                continue;
            }
            long count = startingWith(word, "select count(*) from (select 1 from catalog_search_word where merchant_id = :merchant "
                    + "and " + RANGE + " limit " + (FEW + 1) + ")", merchantId).query(Long.class).single();
            if (count < fewest) {
                fewest = count;
                rarest = word;
            }
        }
        if (rarest == null) {
            return null;
        }
        return new HashSet<>(startingWith(rarest, "select product_id from catalog_search_word where merchant_id = :merchant and "
                + RANGE, merchantId).query(UUID.class).list());
    }

    /**
     * Adds and removes rows; a word that now has too many products becomes common and loses its rows. Words are
     * looked up by joining an array of them: H2 reads a whole merchant's rows for {@code word in (…)}.
     */
    private void write(UUID merchantId, Map<String, Set<UUID>> added, Map<String, Set<UUID>> removed) {
        Set<String> touched = new HashSet<>(added.keySet());
        touched.addAll(removed.keySet());
        if (touched.isEmpty()) {
            return;
        }
        Set<String> common = new HashSet<>(jdbc.sql("select c.word from unnest(:words) as t(word) join catalog_search_common c "
                        + "on c.merchant_id = :merchant and c.word = t.word")
                .param("merchant", merchantId).param("words", touched.toArray(String[]::new)).query(String.class).list());
        List<Object[]> deletes = new ArrayList<>();
        removed.forEach((word, ids) -> {
            if (!common.contains(word)) {
                ids.forEach(id -> deletes.add(new Object[] {merchantId, word, id}));
            }
        });
        template.batchUpdate("delete from catalog_search_word where merchant_id = ? and word = ? and product_id = ?", deletes, ROW);

        Set<String> fresh = new HashSet<>(added.keySet());
        fresh.removeAll(common);
        Map<String, Long> counts = new HashMap<>();
        if (!fresh.isEmpty()) {
            jdbc.sql("select w.word, count(*) as n from unnest(:words) as t(word) join catalog_search_word w "
                            + "on w.merchant_id = :merchant and w.word = t.word group by w.word")
                    .param("merchant", merchantId).param("words", fresh.toArray(String[]::new))
                    .query(rs -> {
                        counts.put(rs.getString("word"), rs.getLong("n"));
                    });
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> becameCommon = new ArrayList<>();
        for (String word : fresh) {
            Set<UUID> ids = added.get(word);
            if (counts.getOrDefault(word, 0L) + ids.size() > FEW) {
                becameCommon.add(new Object[] {merchantId, word});
            } else {
                ids.forEach(id -> inserts.add(new Object[] {merchantId, word, id}));
            }
        }
        template.batchUpdate("insert into catalog_search_common (merchant_id, word) values (?, ?)", becameCommon,
                new int[] {Types.OTHER, Types.VARCHAR});
        for (Object[] word : becameCommon) {
            jdbc.sql("delete from catalog_search_word where merchant_id = ? and word = ?").params(word[0], word[1]).update();
        }
        template.batchUpdate("insert into catalog_search_word (merchant_id, word, product_id) values (?, ?, ?)", inserts, ROW);
    }

    /** The words starting with {@code word}, as a range of the index (a LIKE with a bound pattern reads every word). */
    private JdbcClient.StatementSpec startingWith(String word, String sql, UUID merchantId) {
        String from = SearchWords.indexed(word);
        return jdbc.sql(sql).param("merchant", merchantId).param("from", from).param("to", from + Character.MAX_VALUE);
    }

    private static Set<String> indexed(Collection<String> words) {
        Set<String> indexed = new HashSet<>();
        words.forEach(w -> indexed.add(SearchWords.indexed(w)));
        return indexed;
    }
}
