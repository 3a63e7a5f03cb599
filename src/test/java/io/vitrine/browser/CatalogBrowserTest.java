package io.vitrine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.vitrine.browser.DialogSteps.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The catalog page in real Chromium, on the demo merchant's seeded products. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:catalog-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vitrine.demo=true",
        "vitrine.catalog.batch-size=100"
})
class CatalogBrowserTest extends ChromiumTest {

    @LocalServerPort
    int port;

    private BrowserContext context;

    @AfterEach
    void screenshotOnTheWayOut(TestInfo test) {
        if (context != null) {
            for (Page page : context.pages()) {
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target/screenshots/" + test.getDisplayName().replaceAll("\\W", "") + ".png")));
            }
            context.close();
        }
    }

    @Test
    void adminImportsACsvWatchesItsProgressAndFindsTheProducts() throws IOException {
        Page page = login("admin@demo.test", "demo-admin");
        page.navigate(base() + "/admin");
        page.getByTestId("catalog-link").click();
        page.waitForURL("**/admin/catalog");
        page.waitForSelector("body[data-ready]");

        Locator products = page.getByTestId("product");
        assertThat(products).hasCount(24);
        assertThat(page.getByTestId("page-next")).isEnabled();
        assertThat(products.first().locator("img")).isVisible();
        page.waitForCondition(() -> (Boolean) products.first().locator("img").evaluate("img => img.complete && img.naturalWidth > 0"));

        Path csv = Files.createTempFile("catalog", ".csv");
        StringBuilder rows = new StringBuilder("id,sku,title,description,url,image_urls,price,currency,available,stock,variant_sku,options\n");
        for (int i = 1; i <= 3000; i++) {
            rows.append("b-").append(i).append(",BULK-").append(i).append(",Bulk vase ").append(i)
                    .append(",\"Glazed, numbered vase\",,,").append(i == 7 ? "abc" : "12.00").append(",EUR,true,1,,\n");
        }
        Files.writeString(csv, rows);
        page.getByTestId("import-file").setInputFiles(csv);
        page.getByTestId("import-start").click();

        assertThat(page.getByTestId("import-state")).hasText("Import finished.");
        assertThat(page.getByTestId("import-progress")).hasAttribute("value", "100");
        assertThat(page.getByTestId("import-counts")).containsText("3000 rows read, 2999 imported, 1 with errors.");
        assertThat(page.getByTestId("import-errors")).containsText("Line 8: the price 'abc' is not a number like 15.00");

        page.getByTestId("search-input").fill("BULK-2999");
        page.getByTestId("search-input").press("Enter");
        assertThat(products).hasCount(1);
        assertThat(products.first()).containsText("Bulk vase 2999");
        Files.delete(csv);
    }

    @Test
    void expertSearchesTheCatalogAndFavouritesComeFirst() {
        Page page = login("anna@demo.test", "demo-expert");
        page.navigate(base() + "/admin/catalog");
        page.waitForSelector("body[data-ready]");
        assertThat(page.getByTestId("import-card")).hasCount(0);

        page.getByTestId("search-input").fill("candle");
        page.getByTestId("search-input").press("Enter");
        Locator products = page.getByTestId("product");
        assertThat(products).hasCount(2);
        assertThat(products.first()).containsText("Fig Scented Candle");

        products.nth(1).getByTestId("favourite").click();
        assertThat(products.first()).containsText("Sea Salt Candle");
        assertThat(products.first().getByTestId("favourite")).hasAttribute("aria-pressed", "true");
        String price = (String) page.evaluate("() => new Intl.NumberFormat(undefined, {style: 'currency', currency: 'EUR'}).format(28)");
        assertThat(products.first()).containsText(price); // 2800 minor units in the browser's format
    }

    @Test
    void adminCreatesEditsAndDeletesAProductOnAPhone() {
        Page page = page(context(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(390, 844)), "admin");
        page.navigate(base() + "/login");
        page.getByTestId("login-email").fill("admin@demo.test");
        page.getByTestId("login-password").fill("demo-admin");
        page.getByTestId("login-submit").click();
        page.waitForURL("**/console");
        page.navigate(base() + "/admin/catalog");
        page.waitForSelector("body[data-ready]");

        clientErrors.allow("HTTP 400 POST"); // the refused link below, shown in the form
        page.getByTestId("product-new").click();
        Locator editor = page.getByTestId("product-editor");
        assertThat(editor).isVisible();
        page.getByTestId("editor-sku").fill("PHONE-LAMP");
        page.getByTestId("editor-title-input").fill("Zephyr Lamp");
        page.getByTestId("editor-price").fill("19.999");
        page.getByTestId("editor-save").click();
        assertThat(page.getByTestId("editor-error")).containsText("19.999");
        page.getByTestId("editor-price").fill("19.90");
        page.getByTestId("editor-url").fill("javascript:alert(1)");
        page.getByTestId("editor-save").click();
        assertThat(page.getByTestId("editor-error")).containsText("not an http(s) address");
        page.getByTestId("editor-url").fill("/demo#pocket-lamp");
        page.getByTestId("editor-save").click();
        assertThat(editor).isHidden();

        Locator products = page.getByTestId("product");
        page.getByTestId("search-input").fill("zephyr");
        page.getByTestId("search-input").press("Enter");
        assertThat(products).hasCount(1);
        assertThat(products.first()).containsText("Zephyr Lamp");

        products.first().getByTestId("product-edit").click();
        assertThat(page.getByTestId("editor-price")).hasValue("19.90");
        page.getByTestId("editor-title-input").fill("Zephyr Lamp XL");
        page.getByTestId("editor-add-variant").click();
        Locator variant = page.getByTestId("editor-variant").first();
        variant.locator("[data-field=sku]").fill("PHONE-LAMP-XL");
        variant.locator("[data-field=options]").fill("Size=XL");
        variant.locator("[data-field=price]").fill("24.50");
        page.getByTestId("editor-save").click();
        assertThat(editor).isHidden();
        assertThat(products.first()).containsText("Zephyr Lamp XL");
        assertThat(products.first()).containsText("Size: XL");

        page.onceDialog(dialog -> dialog.accept());
        products.first().getByTestId("product-edit").click();
        page.getByTestId("editor-delete").click();
        assertThat(editor).isHidden();
        assertThat(products).hasCount(0);
        assertThat(page.getByTestId("product-empty")).isVisible();
    }

    private Page login(String email, String password) {
        context = browser.newContext();
        Page page = context.newPage();
        signIn(page, base(), email, password);
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
