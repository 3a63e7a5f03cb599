/**
 * Live dialogs: requests, routing to experts, participants, the sequenced chat timeline, ratings and the routing log.
 */
@ApplicationModule(displayName = "Dialogs", allowedDependencies = {"merchant", "shopper", "shared"})
package io.vitrine.dialog;

import org.springframework.modulith.ApplicationModule;
