package io.vitrine.merchant.web;

import io.vitrine.merchant.Member;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.merchant.Presence;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.merchant.TeamApi;
import io.vitrine.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The logged-in team member and their presence. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final TeamApi team;
    private final MerchantApi merchants;

    MeController(TeamApi team, MerchantApi merchants) {
        this.team = team;
        this.merchants = merchants;
    }

    @GetMapping
    MeView me(@AuthenticationPrincipal StaffPrincipal principal) {
        return view(principal);
    }

    @PutMapping("/presence")
    MeView setPresence(@AuthenticationPrincipal StaffPrincipal principal, @Valid @RequestBody PresenceRequest request) {
        team.setPresence(principal.memberId(), request.status());
        return view(principal);
    }

    private MeView view(StaffPrincipal principal) {
        Member member = team.findMember(principal.memberId()).orElseThrow(() -> DomainException.notFound("Team member"));
        var merchant = merchants.get(member.merchantId());
        return new MeView(MemberView.of(member), new MeView.MerchantRef(merchant.slug(), merchant.name()));
    }

    record PresenceRequest(@NotNull Presence status) {}

    record MeView(MemberView member, MerchantRef merchant) {
        record MerchantRef(String slug, String name) {}
    }
}
