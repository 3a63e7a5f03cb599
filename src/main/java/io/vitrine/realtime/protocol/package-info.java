/** The records of the realtime protocol; see docs/protocol.md. */
@NamedInterface("protocol")
package io.vitrine.realtime.protocol;

import org.springframework.modulith.NamedInterface;
