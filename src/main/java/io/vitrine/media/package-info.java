/**
 * Media: the ICE servers browsers use, with per-participant time-limited TURN credentials, and the rule that only
 * the expert sends video.
 */
@ApplicationModule(displayName = "Media",
        allowedDependencies = {"dialog", "realtime", "realtime :: protocol", "shared"})
package io.vitrine.media;

import org.springframework.modulith.ApplicationModule;
