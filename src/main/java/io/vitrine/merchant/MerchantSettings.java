package io.vitrine.merchant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a merchant configures: the button, personal data collection, routing and co-op shopping. */
public record MerchantSettings(
        @NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1f6feb") String buttonColor,
        @NotNull @Pattern(regexp = "bottom-right|bottom-left", message = "must be bottom-right or bottom-left") String buttonPosition,
        @NotBlank @Size(max = 40) String buttonLabel,
        @NotNull Boolean collectPersonalData,
        @NotNull @Size(max = 3) List<@NotNull @Pattern(regexp = "name|email|phone", message = "must be name, email or phone") String> personalDataFields,
        @Size(max = 500) @Pattern(regexp = PRIVACY_URL, message = PRIVACY_URL_MESSAGE) String privacyPolicyUrl,
        @NotNull @Min(5) @Max(3600) Integer routingFallbackSeconds,
        @NotNull @Min(1) @Max(20) Integer expertCapacity,
        Boolean coopShopping,
        AbandonedByExpert abandonedByExpert,
        @Size(max = 20) List<@NotNull @Pattern(regexp = EMBED_ORIGIN, message = EMBED_ORIGIN_MESSAGE) String> embedOrigins) {

    /** A site that may show the widget, as a CSP frame-ancestors source: an origin, or all subdomains of one. */
    public static final String EMBED_ORIGIN = "https?://(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?";
    public static final String EMBED_ORIGIN_MESSAGE = "Please enter a site's address like https://shop.example.com or https://*.shop.example.com.";

    /**
     * An absolute http(s) URL with a plain host name, or a path on this site (demo only), without quotes, brackets or
     * spaces that could break out of an attribute; whether http and paths are allowed is decided by the demo mode.
     */
    public static final String PRIVACY_URL =
            "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][^\\s\"'<>\\\\^`{|}]*)?|/(?![/\\\\])[^\\s\"'<>\\\\^`{|}]*";
    public static final String PRIVACY_URL_MESSAGE = "Please enter a full https address, like https://shop.example/privacy.";

    /** Co-op shopping (a Host inviting Guests) is on unless switched off; abandoned dialogs are requeued unless set. */
    public MerchantSettings {
        coopShopping = coopShopping == null || coopShopping;
        abandonedByExpert = abandonedByExpert == null ? AbandonedByExpert.REQUEUE : abandonedByExpert;
    }

    /**
     * Settings that leave what happens to an abandoned expert's dialogs at its default and have no say on the sites
     * that may show the widget (a new merchant allows every site; a change keeps what was set before).
     */
    public MerchantSettings(String buttonColor, String buttonPosition, String buttonLabel, Boolean collectPersonalData,
            List<String> personalDataFields, String privacyPolicyUrl, Integer routingFallbackSeconds,
            Integer expertCapacity, Boolean coopShopping) {
        this(buttonColor, buttonPosition, buttonLabel, collectPersonalData, personalDataFields, privacyPolicyUrl,
                routingFallbackSeconds, expertCapacity, coopShopping, null, null);
    }

    public static MerchantSettings defaults() {
        return new MerchantSettings("#1f6feb", "bottom-right", "Live consultation", false,
                List.of("name", "email"), null, 60, 3, true, AbandonedByExpert.REQUEUE, null);
    }
}
