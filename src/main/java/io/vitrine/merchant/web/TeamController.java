package io.vitrine.merchant.web;

import io.vitrine.merchant.Role;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.merchant.TeamApi;
import io.vitrine.merchant.internal.MerchantAdministration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/team")
class TeamController {

    private final TeamApi team;
    private final MerchantAdministration administration;

    TeamController(TeamApi team, MerchantAdministration administration) {
        this.team = team;
        this.administration = administration;
    }

    @GetMapping
    List<MemberView> members(@AuthenticationPrincipal StaffPrincipal principal) {
        MerchantAdministration.requireAdmin(principal);
        return team.members(principal.merchantId()).stream().map(MemberView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MemberView add(@AuthenticationPrincipal StaffPrincipal principal, @Valid @RequestBody NewMemberRequest request) {
        MerchantAdministration.requireAdmin(principal);
        return MemberView.of(team.addMember(principal.merchantId(), new TeamApi.NewMember(request.email(),
                request.displayName(), request.password(), request.role(), request.handle(), request.store())));
    }

    record NewMemberRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 80) String displayName,
            @NotNull @Size(min = 10, max = 100, message = "must have 10 to 100 characters") String password,
            @NotNull Role role,
            @Size(max = 40) @Pattern(regexp = "[a-z0-9-]*", message = "may only contain a-z, 0-9 and -") String handle,
            @Size(max = 80) String store) {}
}
