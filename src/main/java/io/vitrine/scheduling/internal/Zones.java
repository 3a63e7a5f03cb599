package io.vitrine.scheduling.internal;

import io.vitrine.shared.DomainException;
import java.time.DateTimeException;
import java.time.ZoneId;

/** IANA time zone names as browsers report them (Intl.DateTimeFormat().resolvedOptions().timeZone). */
public final class Zones {

    private Zones() {}

    /** The zone, or a clear error about {@code field}; only region zones and UTC, no bare offsets. */
    public static ZoneId parse(String field, String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.invalidField(field, "Please give a time zone like Europe/Berlin.");
        }
        try {
            ZoneId zone = ZoneId.of(name.strip());
            if (!name.contains("/") && !name.equals("UTC")) {
                throw DomainException.invalidField(field, "'" + name + "' is not a time zone like Europe/Berlin.");
            }
            return zone;
        } catch (DateTimeException e) {
            throw DomainException.invalidField(field, "'" + name + "' is not a time zone like Europe/Berlin.");
        }
    }
}
