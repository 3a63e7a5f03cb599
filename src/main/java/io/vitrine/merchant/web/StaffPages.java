package io.vitrine.merchant.web;

import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shared.VitrineProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Server-rendered shells of the staff pages; the pages load their data from the API. */
@Controller
class StaffPages {

    private final MerchantApi merchants;
    private final VitrineProperties properties;

    StaffPages(MerchantApi merchants, VitrineProperties properties) {
        this.merchants = merchants;
        this.properties = properties;
    }

    @GetMapping("/")
    String index() {
        return "index";
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demoMode", properties.demo());
        return "login";
    }

    /** A login attempt refused for coming too soon after failed ones; the status (429) is already set. */
    @RequestMapping("/login/throttled")
    String throttled(HttpServletRequest request, Model model) {
        model.addAttribute("retryAfter", request.getAttribute("vitrine.login.retryAfter"));
        return login(model);
    }

    @GetMapping("/console")
    String console(@AuthenticationPrincipal StaffPrincipal principal, Model model) {
        addMember(principal, model);
        return "console";
    }

    @GetMapping("/admin")
    String admin(@AuthenticationPrincipal StaffPrincipal principal, Model model, HttpServletResponse response) {
        if (!principal.isAdmin()) {
            // An expert who follows a dashboard link learns why it is closed to them and where to go instead.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("status", HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("path", "/admin");
            model.addAttribute("error", "Forbidden");
            return "error";
        }
        addMember(principal, model);
        return "admin";
    }

    private void addMember(StaffPrincipal principal, Model model) {
        var merchant = merchants.get(principal.merchantId());
        model.addAttribute("memberName", principal.displayName());
        model.addAttribute("memberId", principal.memberId());
        model.addAttribute("memberRole", principal.role().name());
        model.addAttribute("merchantName", merchant.name());
        model.addAttribute("merchantSlug", merchant.slug());
    }
}
