package io.vitrine.channels.web;

import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's SMS and WhatsApp page, for admins; data comes from the settings API. */
@Controller
class ChannelsPage {

    private final MerchantApi merchants;

    ChannelsPage(MerchantApi merchants) {
        this.merchants = merchants;
    }

    @GetMapping("/admin/channels")
    String channels(@AuthenticationPrincipal StaffPrincipal principal, Model model, HttpServletResponse response) {
        if (principal == null) {
            return "redirect:/login";
        }
        if (!principal.isAdmin()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("status", HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("path", "/admin/channels");
            model.addAttribute("error", "Forbidden");
            return "error";
        }
        model.addAttribute("memberName", principal.displayName());
        model.addAttribute("merchantName", merchants.get(principal.merchantId()).name());
        return "channels";
    }
}
