/**
 * Live dialogs: requests, routing to experts, participants and their permissions, co-op invites, the sequenced chat
 * timeline, ratings, problem reports and the routing log.
 */
@ApplicationModule(displayName = "Dialogs",
        allowedDependencies = {"merchant", "notifications", "realtime", "realtime :: protocol", "shopper", "shared"})
package io.vitrine.dialog;

import org.springframework.modulith.ApplicationModule;
