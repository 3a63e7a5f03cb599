package io.vitrine.checkout;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the Host enters at the checkout; the order's lines always come from the server's cart, never from here. */
public record CheckoutForm(
        @NotBlank @Size(max = 200) String name,
        // The same shape the sales module accepts: a dot in the domain, so "ada@host" is refused here already.
        @NotBlank @Size(max = 320) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
        @NotBlank @Size(max = 1000) String address) {}
