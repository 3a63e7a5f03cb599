/**
 * Demo mode: seeds the merchant "demo" with an admin and two experts, and serves a demo shop page that embeds
 * the button exactly as a merchant would.
 */
@ApplicationModule(displayName = "Demo", allowedDependencies = {"merchant", "catalog", "sales", "shared"})
package io.vitrine.demo;

import org.springframework.modulith.ApplicationModule;
