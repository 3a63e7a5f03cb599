package io.vitrine.notifications;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Calendar invitations (iCalendar, iTIP): METHOD:REQUEST for a new or changed event, METHOD:CANCEL to call it off.
 * Calendars match updates by the UID and apply the one with the highest SEQUENCE, so the caller keeps both: the UID
 * for the event's whole life, the sequence raised ({@link Event#changed()}) on every change and on cancellation.
 */
public final class CalendarInvites {

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private CalendarInvites() {}

    /**
     * @param uid       stable for the event's whole life, e.g. {@code <id>@vitrine.example.com}
     * @param sequence  0 when first sent, raised on each change
     * @param attendees email addresses
     */
    public record Event(String uid, int sequence, String summary, String description, String location,
            ZonedDateTime start, ZonedDateTime end, String organizerEmail, List<String> attendees) {

        public Event {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            attendees = attendees == null ? List.of() : List.copyOf(attendees);
        }

        /** The same event after a change: the sequence one higher. */
        public Event changed() {
            return new Event(uid, sequence + 1, summary, description, location, start, end, organizerEmail, attendees);
        }
    }

    public static CalendarAttachment request(Event event) {
        return new CalendarAttachment("REQUEST", build(event, false).toString());
    }

    /** Cancels the event; give it a sequence above the last request's. */
    public static CalendarAttachment cancel(Event event) {
        return new CalendarAttachment("CANCEL", build(event, true).toString());
    }

    private static Calendar build(Event event, boolean cancelled) {
        VEvent vevent = new VEvent(event.start(), event.end(), event.summary());
        vevent.add(new Uid(event.uid()));
        vevent.add(new Sequence(event.sequence()));
        if (event.description() != null) {
            vevent.add(new Description(event.description()));
        }
        if (event.location() != null) {
            vevent.add(new Location(event.location()));
        }
        if (event.organizerEmail() != null) {
            vevent.add(new Organizer("mailto:" + event.organizerEmail()));
        }
        event.attendees().forEach(email -> vevent.add(new Attendee("mailto:" + email)));
        if (cancelled) {
            vevent.add(ImmutableStatus.VEVENT_CANCELLED);
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Vitrine//Notifications//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        // A region zone (Europe/Berlin) travels with its rules; a bare offset or UTC needs none.
        var zone = ZONES.getTimeZone(event.start().getZone().getId());
        if (zone != null) {
            calendar.add(zone.getVTimeZone());
        }
        calendar.add(vevent);
        return calendar;
    }
}
