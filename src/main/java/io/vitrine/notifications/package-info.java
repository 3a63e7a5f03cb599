/**
 * Notifications: in-app notices, email (with unsubscribe and optional calendar invitation) and Web Push, sent
 * through a durable outbox, each as the recipient's preferences allow.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"merchant", "shopper", "shared"})
package io.vitrine.notifications;

import org.springframework.modulith.ApplicationModule;
