package io.vitrine.sales.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.sales.Share;
import io.vitrine.sales.internal.ShareService;
import io.vitrine.shared.PublicUrl;
import io.vitrine.shared.QrCodes;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Shares", description = "An expert's attributable product links (/s/{token}) and their QR codes")
@RestController
@RequestMapping("/api/v1/shares")
class ShareController {

    record NewShare(@NotNull UUID productId) {}

    /** A share as its owner sees it, with the link to copy. */
    record ShareView(UUID id, UUID expertId, UUID productId, String productTitle, @Nullable String productSku,
            String productUrl, String link, long visits, Instant createdAt, @Nullable Instant lastVisitAt,
            @Nullable Instant revokedAt, boolean revoked) {}

    private final ShareService shares;
    private final PublicUrl publicUrl;

    ShareController(ShareService shares, PublicUrl publicUrl) {
        this.shares = shares;
        this.publicUrl = publicUrl;
    }

    @Operation(summary = "Share a product of the catalog as a link that counts visits and attributes orders")
    @ApiResponse(responseCode = "201", description = "the share, with its link")
    @ApiResponse(responseCode = "404", description = "unknown product, or one of another merchant")
    @ApiResponse(responseCode = "409", description = "the product has no page URL (product_without_page)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ShareView create(@AuthenticationPrincipal StaffPrincipal caller, @Validated @RequestBody NewShare share) {
        return view(shares.create(caller, share.productId()));
    }

    @Operation(summary = "The caller's shares, newest first; all=true: the whole team's (admins)")
    @GetMapping
    List<ShareView> list(@AuthenticationPrincipal StaffPrincipal caller,
            @Parameter(description = "admins: every expert's shares") @RequestParam(defaultValue = "false") boolean all) {
        return shares.list(caller, all).stream().map(this::view).toList();
    }

    @Operation(summary = "One of the caller's shares (admins: any of the merchant's)")
    @GetMapping("/{id}")
    ShareView get(@AuthenticationPrincipal StaffPrincipal caller, @PathVariable UUID id) {
        return view(shares.require(caller, id));
    }

    @Operation(summary = "Revoke a share: its link stops counting and leads to the product page without attribution")
    @PostMapping("/{id}/revoke")
    ShareView revoke(@AuthenticationPrincipal StaffPrincipal caller, @PathVariable UUID id) {
        return view(shares.revoke(caller, id));
    }

    @Operation(summary = "The share's link as a QR code (PNG)")
    @GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> png(@AuthenticationPrincipal StaffPrincipal caller, @PathVariable UUID id,
            @Parameter(description = "pixels per module, 2 to 20") @RequestParam(defaultValue = "8") int scale) {
        byte[] png = QrCodes.png(link(shares.require(caller, id)), Math.clamp(scale, 2, 20));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG).body(png);
    }

    @Operation(summary = "The share's link as a QR code (SVG)")
    @GetMapping(value = "/{id}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> svg(@AuthenticationPrincipal StaffPrincipal caller, @PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCodes.svg(link(shares.require(caller, id))));
    }

    private String link(Share share) {
        return publicUrl.of("/s/" + share.token());
    }

    private ShareView view(Share s) {
        return new ShareView(s.id(), s.expertId(), s.productId(), s.productTitle(), s.productSku(), s.productUrl(),
                link(s), s.visits(), s.createdAt(), s.lastVisitAt(), s.revokedAt(), s.revoked());
    }
}
