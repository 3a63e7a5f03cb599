package io.vitrine.notifications;

import java.util.Objects;
import java.util.Set;

/**
 * A notice to deliver: always stored in-app, and sent on the given channels where the recipient allows it.
 *
 * @param kind     a stable code, e.g. {@code appointment.confirmed}, for clients to pick an icon or translation
 * @param link     where the notice leads, absolute or a path of Vitrine; may be null
 * @param calendar an invitation attached to the email; may be null
 */
public record Notification(String kind, String title, String body, String link, Set<Channel> channels,
        CalendarAttachment calendar) {

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        channels = channels == null ? Set.of() : Set.copyOf(channels);
    }

    public static Notification of(String kind, String title, String body, String link, Channel... channels) {
        return new Notification(kind, title, body, link, Set.of(channels), null);
    }

    public Notification withCalendar(CalendarAttachment calendar) {
        return new Notification(kind, title, body, link, channels, calendar);
    }
}
