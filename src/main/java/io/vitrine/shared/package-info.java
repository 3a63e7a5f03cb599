/**
 * Shared kernel: configuration, error types, tokens and avatars used by every module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.vitrine.shared;

import org.springframework.modulith.ApplicationModule;
