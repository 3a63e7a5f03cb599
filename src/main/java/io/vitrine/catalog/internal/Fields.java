package io.vitrine.catalog.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Small value parsers shared by the readers, each failing with a reason a merchant understands. */
final class Fields {

    static final int MAX_SKU = 100;
    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_URL = 1000;
    /** Images per product: the list is stored as JSON in an 8,000-character column. */
    static final int MAX_IMAGES = 20;
    static final int MAX_VARIANTS = 100;
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");

    private Fields() {}

    /** Trimmed text, or null when blank. */
    static @Nullable String text(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    static @Nullable String limited(@Nullable String value, int max, String what) {
        String text = text(value);
        if (text != null && text.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        return text;
    }

    /**
     * A link or image address: absolute http(s), or a path on the merchant's own site ({@code /demo#tee}); other
     * schemes (javascript:, data:, ftp:) are refused, as the link ends up in shoppers' chats.
     */
    static @Nullable String url(@Nullable String value, String what) {
        String text = limited(value, MAX_URL, what);
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean absolute = (lower.startsWith("https://") || lower.startsWith("http://")) && text.length() > lower.indexOf("//") + 2;
        boolean path = text.startsWith("/") && !text.startsWith("//");
        if (!(absolute || path) || text.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException(what + " '" + abbreviated(text) + "' is not an http(s) address or a path starting with /");
        }
        return text;
    }

    /** Image addresses, each checked like {@link #url}; at most {@link #MAX_IMAGES}. */
    static java.util.List<String> images(java.util.List<String> urls) {
        if (urls.size() > MAX_IMAGES) {
            throw new IllegalArgumentException("there are " + urls.size() + " images; a product has at most " + MAX_IMAGES);
        }
        return urls.stream().map(u -> url(u, "the image URL")).filter(java.util.Objects::nonNull).toList();
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    static @Nullable Integer stock(@Nullable String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            int stock = Integer.parseInt(text);
            if (stock < 0) {
                throw new IllegalArgumentException("the stock '" + value + "' is negative");
            }
            return stock;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the stock '" + value + "' is not a whole number");
        }
    }

    /** true/false, yes/no, 1/0 and Google's in_stock/out_of_stock/preorder/backorder (with spaces or underscores). */
    static @Nullable Boolean availability(@Nullable String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT).replace(' ', '_')) {
            case "true", "yes", "1", "in_stock", "available", "preorder", "backorder" -> true;
            case "false", "no", "0", "out_of_stock", "unavailable", "discontinued" -> false;
            default -> throw new IllegalArgumentException("the availability '" + value + "' is not one of true, false, in_stock, out_of_stock");
        };
    }

    /** Shopify's numeric variant id (what its cart permalink names), or null when blank. */
    static @Nullable String shopifyVariantId(@Nullable String value) {
        String text = text(value);
        if (text != null && !text.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("the Shopify variant id '" + value + "' is not a number like 39072856");
        }
        return text;
    }

    /** Product descriptions from shops are HTML; the catalog keeps readable plain text. */
    static @Nullable String plainText(@Nullable String html) {
        if (html == null) {
            return null;
        }
        String text = TAGS.matcher(html.replaceAll("(?i)<br\\s*/?>|</p>|</li>", "\n")).replaceAll("")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text(SPACES.matcher(text).replaceAll(" ").replaceAll(" ?\n ?", "\n").replaceAll("\n{3,}", "\n\n"));
    }
}
