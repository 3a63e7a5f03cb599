package io.vitrine.contacts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.contacts.internal.ReplyDomains;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins: the shop's own reply domain for the experts' proxy email addresses. */
@RestController
@RequestMapping("/api/v1/contacts/reply-domain")
@Tag(name = "Contacts")
@SecurityRequirement(name = "staffSession")
class ReplyDomainController {

    record ReplyDomainRequest(
            @Schema(description = "A host name like reply.example.com whose MX points at Vitrine (or at the mailbox"
                    + " Vitrine reads); blank or the default domain: back to the default", example = "reply.example.com")
            @Size(max = 253) String replyDomain) {}

    private final ReplyDomains domains;

    ReplyDomainController(ReplyDomains domains) {
        this.domains = domains;
    }

    @GetMapping
    @Operation(summary = "Admins: the reply domain of the shop's proxy email addresses, and the default one")
    @ApiResponse(responseCode = "403", description = "the caller is not an admin")
    ReplyDomains.Setting get(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal) {
        requireAdmin(principal);
        return domains.setting(principal.merchantId());
    }

    @PutMapping
    @Operation(summary = "Admins: sets the shop's own reply domain for new proxy email addresses",
            description = "Experts keep the proxy addresses they were issued; replies to those still arrive. Mail to"
                    + " the shop's own domain is routed among its own proxies only.")
    @ApiResponse(responseCode = "400", description = "not a host name (field replyDomain)")
    @ApiResponse(responseCode = "403", description = "the caller is not an admin")
    @ApiResponse(responseCode = "409", description = "another shop uses this domain (code reply_domain_taken)")
    ReplyDomains.Setting set(@Parameter(hidden = true) @AuthenticationPrincipal StaffPrincipal principal,
            @Valid @RequestBody ReplyDomainRequest request) {
        requireAdmin(principal);
        return domains.set(principal.merchantId(), request.replyDomain());
    }

    private static void requireAdmin(StaffPrincipal principal) {
        if (!principal.isAdmin()) {
            throw DomainException.forbidden("Only the shop's admins set the reply domain.");
        }
    }
}
