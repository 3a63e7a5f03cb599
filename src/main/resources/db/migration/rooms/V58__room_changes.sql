-- Moving and cancelling a room, and its reminder. `sequence` is the calendar invitation's SEQUENCE, raised on every
-- move and on the cancellation; `cancelled_at` set means the link says the presentation was cancelled.
-- `reminded_at` claims the reminder to invitees (sent when the room opens): one conditional update, whichever node
-- gets there first sends it; a move clears it so the new time is reminded of.
alter table room add column sequence integer not null default 0;
alter table room add column cancelled_at timestamp with time zone;
alter table room add column reminded_at timestamp with time zone;
-- Rooms that started before this migration are not reminded of any more.
update room set reminded_at = created_at where starts_at < current_timestamp;
create index room_reminder_due on room (reminded_at, starts_at);

-- The expert's contacts a room was announced to (a message from the expert through the contacts outbox): each once.
-- `contact_id` is the contacts module's opaque id; the rooms module never sees an address.
create table room_contact_announcement (
    room_id    uuid not null references room (id),
    contact_id uuid not null,
    sent_at    timestamp with time zone not null,
    primary key (room_id, contact_id)
);
