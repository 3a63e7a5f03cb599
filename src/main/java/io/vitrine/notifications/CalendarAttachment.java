package io.vitrine.notifications;

import java.util.Objects;

/** An iCalendar object to attach to an email, as {@link CalendarInvites} makes it. */
public record CalendarAttachment(String method, String content) {

    public CalendarAttachment {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(content, "content");
    }
}
