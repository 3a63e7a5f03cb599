-- Links into an appointment's room: the booker's (HOST), and one per Guest the Host added (GUEST). Each opens the
-- room as its holder from the start time on. Every reminder carries the link again, so the token itself is kept
-- (the notification outbox holds the same link until it is sent); it is 256 random bits, unguessable.
create table appointment_pass (
    id             uuid primary key,
    appointment_id uuid         not null references appointment (id),
    role           varchar(5)   not null,
    token          varchar(64)  not null unique,
    email          varchar(254),
    shopper_id     uuid references shopper (id),
    created_at     timestamp with time zone not null
);

create index appointment_pass_appointment on appointment_pass (appointment_id, created_at);
