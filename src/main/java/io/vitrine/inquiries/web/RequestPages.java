package io.vitrine.inquiries.web;

import io.vitrine.inquiries.internal.InquiryService;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shared.DomainException;
import io.vitrine.shared.SecurityHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /request/{merchant}?kind=appointment|email|video}: the public request page, also shown in a frame by embed.js
 * on the merchant's own sites; {@code /admin/requests}: the admins' list of requests.
 */
@Controller
class RequestPages {

    private static final Set<String> KINDS = Set.of("appointment", "email", "video");

    private final InquiryService inquiries;
    private final MerchantApi merchants;

    RequestPages(InquiryService inquiries, MerchantApi merchants) {
        this.inquiries = inquiries;
        this.merchants = merchants;
    }

    @GetMapping("/request/{merchant:[a-z0-9][a-z0-9-]*}")
    String page(@PathVariable String merchant, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String embed, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        InquiryService.PageInfo page;
        try {
            page = inquiries.page(merchant);
        } catch (DomainException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        SecurityHeaders.allowFraming(request, response, merchants.requireBySlug(merchant).settings().embedOrigins());
        model.addAttribute("merchant", page.merchant());
        model.addAttribute("merchantName", page.name());
        model.addAttribute("brandZone", page.zone());
        model.addAttribute("kind", kind != null && KINDS.contains(kind) ? kind : "appointment");
        model.addAttribute("embedded", embed != null);
        return "request";
    }

    @GetMapping("/admin/requests")
    String admin(@AuthenticationPrincipal StaffPrincipal principal, Model model, HttpServletResponse response) {
        if (principal == null) {
            return "redirect:/login";
        }
        if (!principal.isAdmin()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("status", HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("path", "/admin/requests");
            model.addAttribute("error", "Forbidden");
            return "error";
        }
        var merchant = merchants.get(principal.merchantId());
        model.addAttribute("memberName", principal.displayName());
        model.addAttribute("merchantName", merchant.name());
        model.addAttribute("merchantSlug", merchant.slug());
        return "requests";
    }
}
