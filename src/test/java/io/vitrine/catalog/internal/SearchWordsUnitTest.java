package io.vitrine.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchWordsUnitTest {

    @Test
    void shouldCutTitleSkuAndDescriptionIntoLowerCaseWordsWithThePartsOfJoinedWords() {
        assertThat(SearchWords.of("Classic Cotton T-Shirt", "VT-TEE-CLASSIC", "Soft, \"made to last\". (2 pairs) 🌸 Café"))
                .containsExactly("classic", "cotton", "t-shirt", "t", "shirt", "vt-tee-classic", "vt", "tee", "soft",
                        "made", "to", "last", "2", "pairs", "café");
        assertThat(SearchWords.of(null, null, null)).isEmpty();
    }

    @Test
    void shouldStoreTheWordsBetweenSpacesAndReadThemBack() {
        String text = SearchWords.text(SearchWords.of("Wool Scarf", "WS-1", null));
        assertThat(text).isEqualTo(" wool scarf ws-1 ws 1 ");
        assertThat(SearchWords.ofStored(text)).containsExactly("wool", "scarf", "ws-1", "ws", "1");
    }

    @Test
    void shouldCutAQueryLikeAProductButKeepPunctuationTypedAlone() {
        assertThat(SearchWords.ofQuery("  Linen,  T-Shirt ", 8)).containsExactly("linen", "t-shirt");
        assertThat(SearchWords.ofQuery("% _", 8)).as("matches nothing rather than everything").containsExactly("%", "_");
        assertThat(SearchWords.ofQuery("a b c d", 3)).containsExactly("a", "b", "c");
    }

    @Test
    void shouldKeepTheStoredTextWithinItsColumn() {
        String longDescription = "word00000 " + String.join(" ",
                java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> "w" + i).toList());
        String text = SearchWords.text(SearchWords.of("Title", null, longDescription));
        assertThat(text.length()).isLessThanOrEqualTo(SearchWords.MAX_TEXT);
        assertThat(text).startsWith(" title word00000 w0 w1 ");
        assertThat(SearchWords.indexed("x".repeat(100))).hasSize(SearchWords.MAX_INDEXED);
    }
}
