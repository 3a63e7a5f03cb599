package io.vitrine.catalog.internal;

import io.vitrine.catalog.Money;
import io.vitrine.catalog.ProductInput;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static io.vitrine.shared.Db.ts;

/**
 * Creates, replaces and archives single products for the API. Values are checked by the import's rules
 * ({@link Fields}, {@link Money}), so the API and an import accept and refuse the same things; each refusal names the
 * request field. Deleting archives: product cards, carts, orders and shares made earlier keep resolving the product.
 */
@Component
class ProductEditor {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WordIndex wordIndex;

    ProductEditor(JdbcClient jdbc, Clock clock, WordIndex wordIndex) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.wordIndex = wordIndex;
    }

    @Transactional
    UUID create(UUID merchantId, ProductInput input) {
        Checked p = check(input);
        UUID id = UUID.randomUUID();
        requireFree(merchantId, null, p);
        Instant now = clock.instant();
        write(() -> jdbc.sql("""
                insert into catalog_product (id, merchant_id, product_key, external_id, sku, title, description, url, images,
                    price_minor, currency, available, stock, created_at, updated_at)
                values (:id, :merchant, :key, :externalId, :sku, :title, :description, :url, :images, :price, :currency,
                    :available, :stock, :now, :now)""")
                .paramSource(params(id, merchantId, p, now)).update(), p);
        wordIndex.refresh(merchantId, List.of(id));
        replaceVariants(merchantId, id, p);
        return id;
    }

    /** Replaces a live product of the merchant; an unknown, foreign or archived product is not found. */
    @Transactional
    void replace(UUID merchantId, UUID productId, ProductInput input) {
        Checked p = check(input);
        requireLive(merchantId, productId);
        requireFree(merchantId, productId, p);
        write(() -> jdbc.sql("""
                update catalog_product set product_key = :key, external_id = :externalId, sku = :sku, title = :title,
                    description = :description, url = :url, images = :images, price_minor = :price, currency = :currency,
                    available = :available, stock = :stock, updated_at = :now
                where id = :id and merchant_id = :merchant""")
                .paramSource(params(productId, merchantId, p, clock.instant())).update(), p);
        wordIndex.refresh(merchantId, List.of(productId));
        replaceVariants(merchantId, productId, p);
    }

    /** Hides the product from search, the picker and favourites; idempotent. */
    @Transactional
    void archive(UUID merchantId, UUID productId) {
        int changed = jdbc.sql("update catalog_product set archived_at = coalesce(archived_at, :now), updated_at = :now "
                        + "where id = :id and merchant_id = :merchant")
                .param("now", ts(clock.instant())).param("id", productId).param("merchant", merchantId).update();
        if (changed == 0) {
            throw DomainException.notFound("The product");
        }
    }

    private void requireLive(UUID merchantId, UUID productId) {
        long live = jdbc.sql("select count(*) from catalog_product where id = ? and merchant_id = ? and archived_at is null")
                .params(productId, merchantId).query(Long.class).single();
        if (live == 0) {
            throw DomainException.notFound("The product");
        }
    }

    /** The id and SKUs must not belong to another product of the merchant (archived ones included: they keep theirs). */
    private void requireFree(UUID merchantId, @Nullable UUID self, Checked p) {
        String other = self == null ? "" : " and id <> :self";
        String variantOther = self == null ? "" : " and product_id <> :self";
        if (taken("select count(*) from catalog_product where merchant_id = :merchant and product_key = :value" + other, merchantId, self, p.key())) {
            throw DomainException.conflict("product_id_taken", "The product id " + p.key() + " is already used by another product.");
        }
        if (p.sku() != null && taken("select count(*) from catalog_product where merchant_id = :merchant and sku = :value" + other, merchantId, self, p.sku())) {
            throw DomainException.conflict("sku_taken", "The SKU " + p.sku() + " is already used by another product.");
        }
        for (CheckedVariant v : p.variants()) {
            if (taken("select count(*) from catalog_variant where merchant_id = :merchant and sku = :value" + variantOther, merchantId, self, v.sku())) {
                throw DomainException.conflict("sku_taken", "The variant SKU " + v.sku() + " is already used by another product.");
            }
        }
    }

    private boolean taken(String sql, UUID merchantId, @Nullable UUID self, String value) {
        var statement = jdbc.sql(sql).param("merchant", merchantId).param("value", value);
        if (self != null) {
            statement = statement.param("self", self);
        }
        return statement.query(Long.class).single() > 0;
    }

    /** Variants keep their id when their SKU stays (cart lines refer to it); the others are replaced. */
    private void replaceVariants(UUID merchantId, UUID productId, Checked p) {
        Map<String, UUID> stored = new HashMap<>();
        jdbc.sql("select id, sku from catalog_variant where product_id = ?").param(productId)
                .query((rs, n) -> stored.put(rs.getString("sku"), rs.getObject("id", UUID.class))).list();
        Set<String> kept = new HashSet<>();
        int position = 0;
        for (CheckedVariant v : p.variants()) {
            kept.add(v.sku());
            UUID id = stored.get(v.sku());
            var statement = jdbc.sql(id == null ? """
                    insert into catalog_variant (id, merchant_id, product_id, sku, options, price_minor, currency, available,
                        stock, position, shopify_variant_id)
                    values (:id, :merchant, :product, :sku, :options, :price, :currency, :available, :stock, :position, :shopify)"""
                    : """
                    update catalog_variant set options = :options, price_minor = :price, currency = :currency,
                        available = :available, stock = :stock, position = :position, shopify_variant_id = :shopify
                    where id = :id""")
                    .param("id", id == null ? UUID.randomUUID() : id).param("merchant", merchantId).param("product", productId)
                    .param("sku", v.sku()).param("options", CatalogJson.write(v.options())).param("price", v.price().amountMinor())
                    .param("currency", v.price().currency()).param("available", v.available()).param("stock", v.stock())
                    .param("position", position++).param("shopify", v.shopifyVariantId());
            write(statement::update, p);
        }
        stored.forEach((sku, id) -> {
            if (!kept.contains(sku)) {
                jdbc.sql("delete from catalog_variant where id = ?").param(id).update();
            }
        });
        if (!p.variants().isEmpty()) {
            jdbc.sql(ProductWriter.ROLL_UP).param("ids", Set.of(productId)).update();
        }
    }

    /** Two requests racing for one SKU: the unique index refuses the second, answered like the check above. */
    private static void write(Runnable statement, Checked p) {
        try {
            statement.run();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("sku_taken", "The id or a SKU of " + p.title() + " is already used by another product.");
        }
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(UUID id, UUID merchantId, Checked p, Instant now) {
        Money price = p.price();
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("id", id).addValue("merchant", merchantId).addValue("key", p.key())
                .addValue("externalId", p.externalId()).addValue("sku", p.sku()).addValue("title", p.title())
                .addValue("description", p.description()).addValue("url", p.url())
                .addValue("images", CatalogJson.write(p.images())).addValue("price", price.amountMinor())
                .addValue("currency", price.currency()).addValue("available", p.available()).addValue("stock", p.stock())
                .addValue("now", ts(now));
    }

    // ---- checks: the import's rules, each error naming the request field ----

    record Checked(String key, @Nullable String externalId, @Nullable String sku, String title,
            @Nullable String description, @Nullable String url, List<String> images, Money price, boolean available,
            @Nullable Integer stock, List<CheckedVariant> variants) {}

    record CheckedVariant(String sku, Map<String, String> options, Money price, @Nullable Integer stock,
            boolean available, @Nullable String shopifyVariantId) {}

    static Checked check(ProductInput in) {
        String externalId = field("externalId", () -> Fields.limited(in.externalId(), Fields.MAX_SKU, "the id"));
        String sku = field("sku", () -> Fields.limited(in.sku(), Fields.MAX_SKU, "the sku"));
        if (externalId == null && sku == null) {
            throw DomainException.invalidField("sku", "A product needs an id (externalId) or a SKU.");
        }
        String title = field("title", () -> Fields.limited(in.title(), Fields.MAX_TITLE, "the title"));
        if (title == null) {
            throw DomainException.invalidField("title", "The title is missing.");
        }
        String description = field("description", () -> Fields.limited(in.description(), Fields.MAX_DESCRIPTION, "the description"));
        String url = field("url", () -> Fields.url(in.url(), "the url"));
        List<String> images = field("images", () -> Fields.images(in.images() == null ? List.of() : in.images()));
        String currency = field("currency", () -> Money.currency(in.currency()).getCurrencyCode());
        List<ProductInput.VariantInput> variantInputs = in.variants() == null ? List.of() : in.variants();
        if (variantInputs.size() > Fields.MAX_VARIANTS) {
            throw DomainException.invalidField("variants", "There are " + variantInputs.size()
                    + " variants; a product has at most " + Fields.MAX_VARIANTS + ".");
        }
        if (in.priceMinor() == null && variantInputs.isEmpty()) {
            throw DomainException.invalidField("priceMinor", "The price is missing (in minor units, e.g. 2490 for 24.90).");
        }
        Money price = money("priceMinor", in.priceMinor() == null ? 0 : in.priceMinor(), currency);
        Integer stock = stock("stock", in.stock());
        List<CheckedVariant> variants = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < variantInputs.size(); i++) {
            var v = variantInputs.get(i);
            String at = "variants[" + i + "].";
            if (v == null) {
                throw DomainException.invalidField("variants[" + i + "]", "The variant is empty.");
            }
            String variantSku = field(at + "sku", () -> Fields.limited(v.sku(), Fields.MAX_SKU, "the variant SKU"));
            if (variantSku == null) {
                throw DomainException.invalidField(at + "sku", "The variant SKU is missing.");
            }
            if (!skus.add(variantSku)) {
                throw DomainException.invalidField(at + "sku", "The variant SKU " + variantSku + " is listed twice.");
            }
            if (v.priceMinor() == null) {
                throw DomainException.invalidField(at + "priceMinor", "The variant's price is missing.");
            }
            variants.add(new CheckedVariant(variantSku, options(at + "options", v.options()),
                    money(at + "priceMinor", v.priceMinor(), currency), stock(at + "stock", v.stock()),
                    v.available() == null || v.available(),
                    field(at + "shopifyVariantId", () -> Fields.shopifyVariantId(v.shopifyVariantId()))));
        }
        return new Checked(externalId != null ? externalId : sku, externalId, sku, title, description, url, images,
                price, in.available() == null || in.available(), stock, variants);
    }

    private static Money money(String field, long amountMinor, String currency) {
        if (amountMinor < 0) {
            throw DomainException.invalidField(field, "The price " + amountMinor + " is negative.");
        }
        return new Money(amountMinor, currency);
    }

    private static @Nullable Integer stock(String field, @Nullable Integer stock) {
        if (stock != null && stock < 0) {
            throw DomainException.invalidField(field, "The stock " + stock + " is negative.");
        }
        return stock;
    }

    /** Names and values as the CSV's {@code Name=Value} pairs: both non-blank, stored within 1,000 characters. */
    private static Map<String, String> options(String field, @Nullable Map<String, String> options) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (options != null) {
            options.forEach((name, value) -> {
                if (Fields.text(name) == null || Fields.text(value) == null) {
                    throw DomainException.invalidField(field, "The option '" + name + "=" + value + "' needs a name and a value.");
                }
                checked.put(name.strip(), value.strip());
            });
        }
        if (CatalogJson.write(checked).length() > 1000) {
            throw DomainException.invalidField(field, "The options are longer than 1000 characters.");
        }
        return checked;
    }

    private static <T> T field(String field, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw DomainException.invalidField(field, Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".");
        }
    }
}
