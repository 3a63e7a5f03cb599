package io.vitrine.channels.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.channels.internal.ChannelSettings;
import io.vitrine.channels.internal.ChannelSettingsService;
import io.vitrine.channels.internal.WhatsAppAccount;
import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The merchant's SMS and WhatsApp set-up, for admins. Credentials are write-only: no response ever carries them. */
@Tag(name = "Channels", description = "Twilio and WhatsApp Cloud API accounts, proxy numbers and webhook URLs")
@RestController
@RequestMapping("/api/v1/channels/settings")
class ChannelSettingsController {

    static final String E164 = "\\+[1-9][0-9]{6,14}";
    static final String E164_MESSAGE = "must be a number in E.164 form, like +4915112345678";

    private final ChannelSettingsService settings;

    ChannelSettingsController(ChannelSettingsService settings) {
        this.settings = settings;
    }

    @Operation(summary = "The channel set-up: account ids, numbers, which secrets are set, and the webhook URLs")
    @ApiResponse(responseCode = "403", description = "the caller is not an admin")
    @GetMapping
    ChannelSettings get(@AuthenticationPrincipal StaffPrincipal principal) {
        requireAdmin(principal);
        return settings.settings(principal.merchantId());
    }

    @Operation(summary = "Set the Twilio account and the pool of SMS proxy numbers",
            description = "authToken is write-only; leave it out to keep the stored one.")
    @ApiResponse(responseCode = "409", description = "a number is set up by another merchant (code number_taken)")
    @PutMapping("/twilio")
    ChannelSettings twilio(@AuthenticationPrincipal StaffPrincipal principal, @Valid @RequestBody TwilioRequest request) {
        requireAdmin(principal);
        settings.saveTwilio(principal.merchantId(), request.accountSid(), request.authToken(), request.numbers());
        return settings.settings(principal.merchantId());
    }

    @Operation(summary = "Set the WhatsApp Business numbers and Cloud API secrets",
            description = "accessToken, appSecret and verifyToken are write-only; leave one out to keep the stored one.")
    @ApiResponse(responseCode = "409", description = "a number is set up by another merchant (code number_taken)")
    @PutMapping("/whatsapp")
    ChannelSettings whatsapp(@AuthenticationPrincipal StaffPrincipal principal, @Valid @RequestBody WhatsAppRequest request) {
        requireAdmin(principal);
        settings.saveWhatsApp(principal.merchantId(), request.accessToken(), request.appSecret(), request.verifyToken(),
                request.numbers().stream().map(n -> new WhatsAppAccount.WhatsAppNumber(n.phoneNumberId(), n.number())).toList());
        return settings.settings(principal.merchantId());
    }

    private static void requireAdmin(StaffPrincipal principal) {
        if (!principal.isAdmin()) {
            throw DomainException.forbidden("Only admins set up channels.");
        }
    }

    record TwilioRequest(
            @NotBlank @Pattern(regexp = "AC[0-9a-fA-F]{32}", message = "must be a Twilio Account SID: AC and 32 hex digits")
            String accountSid,
            @Schema(accessMode = Schema.AccessMode.WRITE_ONLY) @Size(min = 8, max = 200) String authToken,
            @NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = E164, message = E164_MESSAGE) String> numbers) {}

    record WhatsAppRequest(
            @Schema(accessMode = Schema.AccessMode.WRITE_ONLY) @Size(min = 8, max = 1000) String accessToken,
            @Schema(accessMode = Schema.AccessMode.WRITE_ONLY) @Size(min = 8, max = 200) String appSecret,
            @Schema(accessMode = Schema.AccessMode.WRITE_ONLY) @Size(min = 8, max = 200) String verifyToken,
            @NotNull @Size(max = 20) List<@NotNull @Valid WhatsAppNumberRequest> numbers) {}

    record WhatsAppNumberRequest(
            @NotBlank @Pattern(regexp = "[0-9]{5,30}", message = "must be the Cloud API's numeric phone-number ID")
            String phoneNumberId,
            @NotBlank @Pattern(regexp = E164, message = E164_MESSAGE) String number) {}
}
