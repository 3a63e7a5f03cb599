/**
 * Brand rooms: a pre-scheduled presentation (video or text chat) with a shareable link that opens five minutes before
 * its start and expires hours after it, announced by email with a calendar invitation. The live part is a dialog.
 */
@ApplicationModule(displayName = "Rooms",
        allowedDependencies = {"contacts", "dialog", "merchant", "notifications", "shopper", "shared"})
package io.vitrine.rooms;

import org.springframework.modulith.ApplicationModule;
