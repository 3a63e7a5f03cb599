package io.vitrine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.merchant.Member;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.MerchantSettings;
import io.vitrine.merchant.Role;
import io.vitrine.merchant.TeamApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Catalog search must find the same demo products on every database: full-text search on PostgreSQL, LIKE on H2.
 * Each database runs it through a subclass that only says how to reach it.
 */
abstract class CatalogSearchContract {

    @Autowired MerchantApi merchants;
    @Autowired TeamApi team;
    @Autowired CatalogApi catalog;

    private Merchant merchant;
    private Member expert;

    @BeforeEach
    void merchantWithTheDemoCatalog() throws IOException {
        merchant = merchants.create("c-" + UUID.randomUUID().toString().substring(0, 8), "Catalog Shop", MerchantSettings.defaults());
        expert = team.addMember(merchant.id(), new TeamApi.NewMember(UUID.randomUUID() + "@shop.test", "Eve Expert",
                "a-long-password", Role.EXPERT, null, null));
        try (InputStream demo = getClass().getResourceAsStream("/static/catalog/demo/products.csv")) {
            ImportJob job = catalog.importNow(merchant.id(), demo, ImportFormat.CSV, "products.csv");
            assertThat(job.status()).isEqualTo(ImportStatus.DONE);
            assertThat(job.errorCount()).isZero();
        }
    }

    @Test
    void shouldFindTheSameDemoProductsByWordsOfTitleAndDescription() {
        assertThat(titles("linen")).containsExactlyInAnyOrder("Linen Summer Dress", "Linen Trousers",
                "Linen Cushion Cover", "Linen Notebook", "Table Lamp");
        assertThat(titles("Wool")).containsExactlyInAnyOrder("Wool Scarf", "Wool Socks (2 pairs)", "Wool Throw Blanket",
                "Merino Crew Sweater");
        assertThat(titles("scarf")).containsExactlyInAnyOrder("Wool Scarf", "Silk Scarf 🌸");
        assertThat(titles("organic cotton")).containsExactly("Classic Cotton T-Shirt");
        assertThat(titles("merino sweater")).containsExactly("Merino Crew Sweater");
        assertThat(titles("candle")).containsExactlyInAnyOrder("Fig Scented Candle", "Sea Salt Candle");
        assertThat(titles("zebra")).isEmpty();
        assertThat(titles("%")).as("LIKE wildcards are literal").isEmpty();
        assertThat(titles("_")).isEmpty();
    }

    @Test
    void shouldFindProductsByTheirSkuAndTheSkuOfAVariant() {
        assertThat(titles("VT-MUG-STONEWARE")).containsExactly("Stoneware Mug");
        assertThat(titles("vt-tee-classic-nav-m")).containsExactly("Classic Cotton T-Shirt");
        assertThat(catalog.findBySku(merchant.id(), "VT-SNEAKER-WHITE-WHI-42", null)).map(Product::title)
                .contains("White Leather Sneakers");
    }

    @Test
    void shouldListEveryDemoProductWithFavouritesFirstPageByPage() {
        Product candle = catalog.findBySku(merchant.id(), "VT-CANDLE-SEA", null).orElseThrow();
        catalog.setFavourite(merchant.id(), expert.id(), candle.id(), true);

        ProductPage first = catalog.search(merchant.id(), expert.id(), null, 0, 20);
        ProductPage second = catalog.search(merchant.id(), expert.id(), "", 1, 20);
        assertThat(first.items().get(0).title()).isEqualTo("Sea Salt Candle");
        assertThat(first.items().get(0).favourite()).isTrue();
        assertThat(first.hasNext()).isTrue();
        assertThat(second.hasNext()).isFalse();
        List<String> all = new java.util.ArrayList<>(first.items().stream().map(Product::title).toList());
        second.items().forEach(p -> all.add(p.title()));
        assertThat(all).hasSize(30).doesNotHaveDuplicates();
        assertThat(catalog.search(merchant.id(), expert.id(), "candle", 0, 5).items()).extracting(Product::title)
                .containsExactly("Sea Salt Candle", "Fig Scented Candle");
        Product tee = catalog.findBySku(merchant.id(), "VT-TEE-CLASSIC", expert.id()).orElseThrow();
        assertThat(tee.variants()).hasSize(5);
        assertThat(tee.price()).isEqualTo(new Money(2490, "EUR"));
        assertThat(tee.images()).containsExactly("/catalog/demo/tee-classic-navy.svg", "/catalog/demo/tee-classic-white.svg");
    }

    @Test
    void shouldNeverShowAnotherMerchantsProducts() {
        Merchant other = merchants.create("c-" + UUID.randomUUID().toString().substring(0, 8), "Other", MerchantSettings.defaults());
        Product mug = catalog.findBySku(merchant.id(), "VT-MUG-STONEWARE", null).orElseThrow();
        assertThat(catalog.search(other.id(), null, "mug", 0, 10).items()).isEmpty();
        assertThat(catalog.findById(other.id(), mug.id(), null)).isEmpty();
        assertThat(catalog.findBySku(other.id(), "VT-MUG-STONEWARE", null)).isEmpty();
    }

    /**
     * Past a few thousand products a search takes another road on some databases (on H2: the title walk for common
     * words, the word index for rare ones): both must give the same, complete answers in title order.
     */
    @Test
    void shouldFindRareAndCommonWordsAmongThousandsOfProducts() {
        StringBuilder csv = new StringBuilder("id,sku,title,description,price,currency\n");
        for (int i = 0; i < 2_500; i++) {
            String rare = i % 1000 == 7 ? " Heirloom" : "";
            csv.append("g-%04d,G-%04d,Gadget %04d%s,A sturdy gadget for every kitchen,9.90,EUR\n".formatted(i, i, i, rare));
        }
        ImportJob job = catalog.importNow(merchant.id(), new java.io.ByteArrayInputStream(csv.toString().getBytes()), ImportFormat.CSV, "many.csv");
        assertThat(job.errorCount()).isZero();

        assertThat(titles("heirloom")).containsExactly("Gadget 0007 Heirloom", "Gadget 1007 Heirloom", "Gadget 2007 Heirloom");
        assertThat(titles("sturdy heirloom")).hasSize(3);
        assertThat(titles("gadget 1234")).containsExactly("Gadget 1234");
        assertThat(titles("G-2048")).containsExactly("Gadget 2048");
        assertThat(titles("kitchen linen")).isEmpty();
        ProductPage third = catalog.search(merchant.id(), expert.id(), "gadget kitchen", 2, 20);
        assertThat(third.items()).extracting(Product::title).first().isEqualTo("Gadget 0040");
        assertThat(third.items()).hasSize(20);
        assertThat(third.hasNext()).isTrue();
        assertThat(catalog.search(merchant.id(), expert.id(), "gadget", 124, 20).hasNext()).isFalse();

        String renamed = "id,sku,title,price,currency\ng-0007,G-0007,Gadget 0007 Keepsake,9.90,EUR\n";
        catalog.importNow(merchant.id(), new java.io.ByteArrayInputStream(renamed.getBytes()), ImportFormat.CSV, "renamed.csv");
        assertThat(titles("heirloom")).as("a re-import takes the old words away").containsExactly("Gadget 1007 Heirloom", "Gadget 2007 Heirloom");
        assertThat(titles("keepsake")).containsExactly("Gadget 0007 Keepsake");
        assertThat(titles("keepsake kitchen")).as("the description the re-import left out is kept").containsExactly("Gadget 0007 Keepsake");
    }

    private List<String> titles(String query) {
        return catalog.search(merchant.id(), expert.id(), query, 0, 50).items().stream().map(Product::title).toList();
    }
}
