package io.vitrine.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.catalog.ImportFormat;
import io.vitrine.catalog.ImportJob;
import io.vitrine.catalog.Money;
import io.vitrine.catalog.internal.CatalogService;
import io.vitrine.catalog.internal.ImportOptions;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shared.DomainException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Catalog imports", description = "Admins import products from CSV, Shopify product JSON or a Google Merchant Center feed")
@RestController
@RequestMapping("/api/v1/catalog/imports")
class ImportController {

    private final CatalogService catalog;

    ImportController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "Upload a catalog file; the import runs as a job",
            description = "The format is detected from the file name and content unless given. Products are matched by "
                    + "id (or SKU) and updated, never duplicated. Poll the returned job for progress and bad rows.")
    @ApiResponse(responseCode = "202", description = "the job, queued")
    @ApiResponse(responseCode = "400", description = "code catalog_file_unreadable: the file cannot be an import (binary, not UTF-8, no valid header)")
    @ApiResponse(responseCode = "409", description = "code import_running: another import of the merchant is running")
    @ApiResponse(responseCode = "413", description = "the file is larger than spring.servlet.multipart.max-file-size")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportJob> upload(@AuthenticationPrincipal StaffPrincipal principal,
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "CSV, SHOPIFY or GOOGLE; detected when absent") @RequestParam(required = false) ImportFormat format,
            @Parameter(description = "the shop's currency, for Shopify JSON (which has none)") @RequestParam(defaultValue = "EUR") String currency,
            @Parameter(description = "the shop's address, for product links from Shopify handles") @RequestParam(required = false) String siteUrl)
            throws IOException {
        requireAdmin(principal);
        try {
            Money.currency(currency);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("The " + e.getMessage() + ".");
        }
        Path copy = Files.createTempFile("vitrine-import-", ".upload");
        try {
            file.transferTo(copy);
            ImportJob job = catalog.startImport(principal.merchantId(), principal.memberId(), copy,
                    file.getOriginalFilename(), format, new ImportOptions(currency, siteUrl));
            return ResponseEntity.accepted().header("Location", "/api/v1/catalog/imports/" + job.id()).body(job);
        } catch (RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    @Operation(summary = "An import's status: progress, rows read and imported, and the first bad rows with their line")
    @ApiResponse(responseCode = "404", description = "unknown import, or one of another merchant")
    @GetMapping("/{id}")
    ImportJob job(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable UUID id) {
        requireAdmin(principal);
        return catalog.job(principal.merchantId(), id);
    }

    @Operation(summary = "The merchant's latest imports, newest first (without their bad rows)")
    @GetMapping
    List<ImportJob> recent(@AuthenticationPrincipal StaffPrincipal principal) {
        requireAdmin(principal);
        return catalog.recentImports(principal.merchantId());
    }

    private static void requireAdmin(StaffPrincipal principal) {
        if (!principal.isAdmin()) {
            throw DomainException.forbidden("Only admins import products; experts can search the catalog.");
        }
    }
}
