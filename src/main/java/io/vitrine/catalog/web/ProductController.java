package io.vitrine.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.catalog.Product;
import io.vitrine.catalog.ProductInput;
import io.vitrine.catalog.ProductPage;
import io.vitrine.catalog.internal.CatalogService;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shared.DomainException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Catalog", description = "The merchant's products: search, details, each team member's favourites, and admins' create, replace and delete")
@RestController
@RequestMapping("/api/v1/catalog/products")
class ProductController {

    private final CatalogService catalog;

    ProductController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "Search products by title, SKU and words of the description",
            description = "Paginated; the caller's favourites come first. A blank q lists all products by title.")
    @GetMapping
    ProductPage search(@AuthenticationPrincipal StaffPrincipal principal,
            @Parameter(description = "search words or a SKU") @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return catalog.search(principal.merchantId(), principal.memberId(), q, page, size);
    }

    @Operation(summary = "The caller's favourite products, by title")
    @GetMapping("/favourites")
    List<Product> favourites(@AuthenticationPrincipal StaffPrincipal principal) {
        return catalog.favourites(principal.merchantId(), principal.memberId());
    }

    @Operation(summary = "Find a product by its SKU or the SKU of one of its variants")
    @ApiResponse(responseCode = "404", description = "no product of the merchant has this SKU")
    @GetMapping("/by-sku/{sku}")
    Product bySku(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable String sku) {
        return catalog.findBySku(principal.merchantId(), sku, principal.memberId())
                .orElseThrow(() -> DomainException.notFound("A product with the SKU " + sku));
    }

    @Operation(summary = "One product with its variants", description = "Deleted products are still found here (archived: true) for earlier cards and orders.")
    @ApiResponse(responseCode = "404", description = "unknown product, or one of another merchant")
    @GetMapping("/{id}")
    Product product(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id) {
        return catalog.require(principal.merchantId(), id, principal.memberId());
    }

    @Operation(summary = "Create a product (admins)",
            description = "Checked by the same rules as an import row; refusals are problem details naming the field.")
    @ApiResponse(responseCode = "201", description = "the product as stored")
    @ApiResponse(responseCode = "400", description = "an invalid field (its name in the problem's errors): missing title, bad currency, negative price, a link that is not http(s) or /path, too many images or variants")
    @ApiResponse(responseCode = "403", description = "the caller is not an admin")
    @ApiResponse(responseCode = "409", description = "code sku_taken or product_id_taken: another product of the merchant has this SKU or id (the message names it)")
    @PostMapping
    ResponseEntity<Product> create(@AuthenticationPrincipal StaffPrincipal principal, @RequestBody ProductInput product) {
        requireAdmin(principal);
        Product created = catalog.create(principal.merchantId(), principal.memberId(), product);
        return ResponseEntity.created(URI.create("/api/v1/catalog/products/" + created.id())).body(created);
    }

    @Operation(summary = "Replace a product (admins): all its fields and variants",
            description = "Fields left out are cleared; variants are matched by SKU (keeping their ids), unlisted ones removed.")
    @ApiResponse(responseCode = "400", description = "an invalid field, as for create")
    @ApiResponse(responseCode = "403", description = "the caller is not an admin")
    @ApiResponse(responseCode = "404", description = "unknown or deleted product, or one of another merchant")
    @ApiResponse(responseCode = "409", description = "code sku_taken or product_id_taken, as for create")
    @PutMapping("/{id}")
    Product replace(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id, @RequestBody ProductInput product) {
        requireAdmin(principal);
        return catalog.replace(principal.merchantId(), principal.memberId(), id, product);
    }

    @Operation(summary = "Delete a product (admins; idempotent)",
            description = "The product is archived: search, the picker and favourites no longer list it, while product "
                    + "cards, carts, orders and shares made earlier still resolve it by id. A re-import of it restores it.")
    @ApiResponse(responseCode = "204", description = "the product is deleted")
    @ApiResponse(responseCode = "403", description = "the caller is not an admin")
    @ApiResponse(responseCode = "404", description = "unknown product, or one of another merchant")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id) {
        requireAdmin(principal);
        catalog.archive(principal.merchantId(), id);
    }

    @Operation(summary = "Favourite a product (idempotent)")
    @ApiResponse(responseCode = "204", description = "the product is a favourite of the caller")
    @PutMapping("/{id}/favourite")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void favourite(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id) {
        catalog.setFavourite(principal.merchantId(), principal.memberId(), id, true);
    }

    @Operation(summary = "Remove a product from the caller's favourites (idempotent)")
    @ApiResponse(responseCode = "204", description = "the product is no favourite of the caller")
    @DeleteMapping("/{id}/favourite")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unfavourite(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id) {
        catalog.setFavourite(principal.merchantId(), principal.memberId(), id, false);
    }

    private static void requireAdmin(StaffPrincipal principal) {
        if (!principal.isAdmin()) {
            throw DomainException.forbidden("Only admins create, change or delete products; experts can search the catalog.");
        }
    }
}
