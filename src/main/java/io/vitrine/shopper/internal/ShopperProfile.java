package io.vitrine.shopper.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the widget's start form sends. Which personal fields are required depends on the merchant. */
public record ShopperProfile(
        @NotBlank @Size(max = 40) String screenName,
        @Size(max = 120) String name,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9 ()./-]{6,20}", message = "must be a phone number like +49 30 1234567") String phone,
        Boolean consent) {

    /** A missing consent is no consent. */
    public boolean consented() {
        return Boolean.TRUE.equals(consent);
    }
}
