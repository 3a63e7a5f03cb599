package io.vitrine.catalog.web;

import io.vitrine.catalog.internal.CatalogService;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's catalog page: admins import and search, experts search. Data comes from the API. */
@Controller
class CatalogPage {

    private final MerchantApi merchants;
    private final CatalogService catalog;

    CatalogPage(MerchantApi merchants, CatalogService catalog) {
        this.merchants = merchants;
        this.catalog = catalog;
    }

    @GetMapping("/admin/catalog")
    String catalog(@AuthenticationPrincipal StaffPrincipal principal, Model model) {
        if (principal == null) {
            return "redirect:/login";
        }
        var merchant = merchants.get(principal.merchantId());
        model.addAttribute("memberName", principal.displayName());
        model.addAttribute("memberRole", principal.role().name());
        model.addAttribute("admin", principal.isAdmin());
        model.addAttribute("merchantName", merchant.name());
        model.addAttribute("productCount", catalog.productCount(principal.merchantId()));
        return "catalog";
    }
}
