/**
 * The WebSocket gateway: one authenticated connection per client, a typed JSON protocol, timeline replay on
 * resume, WebRTC signalling between the participants of a stream, and fan-out of dialog events behind the {@link io.vitrine.realtime.fanout.Fanout} interface.
 * Client frames reach the {@link io.vitrine.realtime.FrameHandler} beans of their wire type; modules send server
 * frames through {@link io.vitrine.realtime.Push}.
 */
@ApplicationModule(displayName = "Realtime", allowedDependencies = {"merchant", "shopper", "shared"})
package io.vitrine.realtime;

import org.springframework.modulith.ApplicationModule;
