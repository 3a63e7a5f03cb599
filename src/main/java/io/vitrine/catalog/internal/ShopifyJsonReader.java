package io.vitrine.catalog.internal;

import io.vitrine.catalog.Money;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shopify's product JSON, as a store serves it at {@code /products.json}: {@code {"products": [...]}} (a bare array
 * works too). Products are read one at a time from the stream; Shopify prices are in the shop's currency, which the
 * file does not name, so the import is given it.
 */
final class ShopifyJsonReader implements ProductReader {

    // Products are read one by one from the open stream: what follows a product is the next one, not an error.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private final String currency;
    private final @Nullable String siteUrl;

    ShopifyJsonReader(String currency, @Nullable String siteUrl) {
        this.currency = Money.currency(currency).getCurrencyCode();
        // "shop.example.com" means the shop's https address, as merchants type it.
        String site = siteUrl == null || siteUrl.isBlank() ? null : siteUrl.strip().replaceAll("/+$", "");
        this.siteUrl = site == null || site.contains("://") ? site : "https://" + site;
    }

    @Override
    public void read(InputStream in, RowSink sink) {
        try (JsonParser parser = JSON.createParser(Utf8.withoutBom(in))) {
            if (!toProductsArray(parser)) {
                throw new UnreadableFileException("The JSON file has no \"products\" array like a Shopify /products.json.");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                long line = parser.currentTokenLocation().getLineNr();
                JsonNode product = JSON.readTree(parser);
                products(product, line, sink);
            }
        } catch (JacksonException e) {
            throw new UnreadableFileException("The file is not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
        }
    }

    private static boolean toProductsArray(JsonParser parser) {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            return true;
        }
        if (first != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("products".equals(name) && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private void products(JsonNode product, long line, RowSink sink) {
        try {
            String id = Fields.limited(text(product, "id"), Fields.MAX_SKU, "the id");
            if (id == null) {
                throw new IllegalArgumentException("the product has no id");
            }
            List<String> optionNames = new ArrayList<>();
            product.path("options").forEach(option -> optionNames.add(option.path("name").asString("")));
            String handle = text(product, "handle");
            // Without the shop's address a handle is no link a browser can follow.
            String url = handle == null || siteUrl == null ? null : siteUrl + "/products/" + handle;
            JsonNode variants = product.path("variants");
            if (variants.isEmpty()) {
                throw new IllegalArgumentException("the product has no variants, so no price");
            }
            Money first = price(variants.get(0));
            var data = new ImportRow.ProductData(id, null,
                    Fields.limited(text(product, "title"), Fields.MAX_TITLE, "the title"),
                    Fields.limited(Fields.plainText(text(product, "body_html")), Fields.MAX_DESCRIPTION, "the description"),
                    Fields.url(url, "the url"), Fields.images(images(product)), first, null, null);
            for (JsonNode variant : variants) {
                sink.row(new ImportRow(line, data, variant(variant, optionNames)));
            }
        } catch (IllegalArgumentException e) {
            sink.error(line, e.getMessage());
        }
    }

    private ImportRow.VariantData variant(JsonNode variant, List<String> optionNames) {
        String sku = Fields.limited(text(variant, "sku"), Fields.MAX_SKU, "the variant sku");
        String shopifyId = Fields.shopifyVariantId(text(variant, "id"));
        if (sku == null) {
            if (shopifyId == null) {
                throw new IllegalArgumentException("a variant has neither a sku nor an id");
            }
            // Shopify allows variants without SKU; their id is unique in the shop.
            sku = "shopify-" + shopifyId;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            String value = text(variant, "option" + i);
            String name = i <= optionNames.size() ? optionNames.get(i - 1) : "Option " + i;
            if (value != null && !("Title".equals(name) && "Default Title".equals(value))) {
                options.put(name, value);
            }
        }
        JsonNode quantity = variant.path("inventory_quantity");
        Integer stock = quantity.isNumber() ? Math.max(quantity.asInt(), 0) : null;
        JsonNode available = variant.path("available");
        return new ImportRow.VariantData(sku, options, price(variant), stock,
                available.isBoolean() ? available.asBoolean() : null, shopifyId);
    }

    private Money price(JsonNode variant) {
        String price = text(variant, "price");
        if (price == null) {
            throw new IllegalArgumentException("a variant has no price");
        }
        return Money.parse(price, currency);
    }

    private static List<String> images(JsonNode product) {
        List<String> urls = new ArrayList<>();
        product.path("images").forEach(image -> {
            String src = image.isString() ? image.asString() : image.path("src").asString(null);
            if (src != null && !src.isBlank() && src.length() <= Fields.MAX_URL) {
                urls.add(src);
            }
        });
        return urls;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : Fields.text(value.asString());
    }
}
