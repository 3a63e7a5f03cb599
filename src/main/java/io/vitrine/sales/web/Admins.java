package io.vitrine.sales.web;

import io.vitrine.merchant.StaffPrincipal;
import io.vitrine.shared.DomainException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** Checks shared by the sales endpoints. */
final class Admins {

    private Admins() {}

    static void require(StaffPrincipal caller, String what) {
        if (!caller.isAdmin()) {
            throw DomainException.forbidden("Only admins may " + what + ".");
        }
    }

    /** The start of a period: the given day, or 30 days before {@code to}. */
    static LocalDate from(@Nullable LocalDate from, LocalDate to) {
        return from != null ? from : to.minusDays(29);
    }

    static LocalDate to(@Nullable LocalDate to, java.time.Clock clock) {
        return to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
