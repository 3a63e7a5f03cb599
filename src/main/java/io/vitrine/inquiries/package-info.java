/**
 * Requests from a merchant's public request page (Shoppe Online's brand profile buttons): appointment requests, email
 * inquiries and video chat requests. The brand's account gets each by email and decides it in the dashboard; a
 * confirmed request is booked through scheduling, so the requester gets the calendar invitation.
 */
@ApplicationModule(displayName = "Inquiries",
        allowedDependencies = {"merchant", "notifications", "scheduling", "shopper", "shared"})
package io.vitrine.inquiries;

import org.springframework.modulith.ApplicationModule;
