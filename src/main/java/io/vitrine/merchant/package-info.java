/**
 * Merchants (tenants), their settings and team, staff login and expert presence.
 */
@ApplicationModule(displayName = "Merchants and team")
package io.vitrine.merchant;

import org.springframework.modulith.ApplicationModule;
