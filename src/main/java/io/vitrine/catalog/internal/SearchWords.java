package io.vitrine.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The words H2 searches by: a product's title, SKU and description, and a query, cut the same way. Text is split at
 * spaces and lower-cased; punctuation at the edges of a word goes ("(2" is "2"), and a word with punctuation inside is
 * kept whole and also in its parts, so "T-Shirt" is "t-shirt", "t" and "shirt" and a SKU can be typed whole. A query
 * word matches a product that has a word starting with it.
 */
final class SearchWords {

    /** Longest word kept in the word index; a longer query word is looked up by its first letters and then checked whole. */
    static final int MAX_INDEXED = 64;
    /** Longest stored text: what is past it (the end of a very long description) is not searched. */
    static final int MAX_TEXT = 20_000;

    private SearchWords() {
    }

    /** The distinct words of a product, in order of appearance. */
    static Set<String> of(@Nullable String title, @Nullable String sku, @Nullable String description) {
        Set<String> words = new LinkedHashSet<>();
        int length = 1;
        for (String text : new String[] {title, sku, description}) {
            if (text == null) {
                continue;
            }
            for (String raw : text.toLowerCase(Locale.ROOT).split("\\s+")) {
                for (String word : forms(trimmed(raw))) {
                    if (length + word.length() + 1 > MAX_TEXT) {
                        return words;
                    }
                    if (words.add(word)) {
                        length += word.length() + 1;
                    }
                }
            }
        }
        return words;
    }

    /**
     * The words of a query. A word that is only punctuation is kept as typed, so it matches nothing rather than
     * everything.
     */
    static List<String> ofQuery(String query, int max) {
        List<String> words = new ArrayList<>();
        for (String raw : query.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (raw.isEmpty() || words.size() == max) {
                continue;
            }
            String word = trimmed(raw);
            words.add(word.isEmpty() ? raw : word);
        }
        return words;
    }

    /** The stored text: the words between single spaces, with a space before and after, for a LIKE '% word%'. */
    static String text(Set<String> words) {
        return " " + String.join(" ", words) + " ";
    }

    /** The words of a stored text. */
    static List<String> ofStored(String text) {
        return java.util.Arrays.stream(text.split(" ")).filter(w -> !w.isEmpty()).toList();
    }

    /** The word as the word index holds it. */
    static String indexed(String word) {
        return word.length() > MAX_INDEXED ? word.substring(0, MAX_INDEXED) : word;
    }

    private static List<String> forms(String word) {
        if (word.isEmpty()) {
            return List.of();
        }
        List<String> forms = new ArrayList<>();
        forms.add(word);
        if (!word.codePoints().allMatch(Character::isLetterOrDigit)) {
            for (String part : word.split("[^\\p{L}\\p{Nd}]+")) {
                if (!part.isEmpty()) {
                    forms.add(part);
                }
            }
        }
        return forms;
    }

    private static String trimmed(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && !Character.isLetterOrDigit(word.codePointAt(start))) {
            start += Character.charCount(word.codePointAt(start));
        }
        while (end > start && !Character.isLetterOrDigit(word.codePointBefore(end))) {
            end -= Character.charCount(word.codePointBefore(end));
        }
        return word.substring(start, end);
    }
}
