-- Appointments: scheduled streams proposed in a dialog and slots booked on the public booking page.

-- Whether a merchant offers scheduled streams and bookings, and how long an appointment lasts.
create table scheduling_setting (
    merchant_id      uuid primary key references merchant (id),
    enabled          boolean not null,
    slot_minutes     integer not null
);

-- One row per expert who can be booked: their time zone. Booking locks this row, so two bookings of the same
-- expert are decided one after the other (see SlotPolicy and AppointmentService).
create table expert_calendar (
    member_id   uuid primary key references team_member (id),
    merchant_id uuid        not null references merchant (id),
    zone        varchar(64) not null
);

-- Working hours per weekday (1 = Monday) in the expert's zone, as minutes after local midnight.
create table working_hours (
    member_id    uuid    not null references team_member (id),
    day_of_week  integer not null,
    start_minute integer not null,
    end_minute   integer not null,
    primary key (member_id, day_of_week, start_minute)
);

create table appointment (
    id              uuid primary key,
    merchant_id     uuid        not null references merchant (id),
    expert_id       uuid        not null references team_member (id),
    dialog_id       uuid references dialog (id),
    host_shopper_id uuid references shopper (id),
    status          varchar(10) not null,
    starts_at       timestamp with time zone not null,
    ends_at         timestamp with time zone not null,
    expert_zone     varchar(64) not null,
    customer_zone   varchar(64) not null,
    sequence        integer     not null,
    proposed_by     varchar(10) not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);

create index appointment_expert on appointment (expert_id, starts_at);
create index appointment_merchant on appointment (merchant_id, starts_at);
create index appointment_dialog on appointment (dialog_id);

-- Timed notices of an appointment. A row is claimed by setting sent_at in the transaction that queues the notice,
-- so it is sent once however many nodes look and however often they restart.
create table appointment_reminder (
    appointment_id uuid        not null references appointment (id),
    kind           varchar(12) not null,
    due_at         timestamp with time zone not null,
    sent_at        timestamp with time zone,
    primary key (appointment_id, kind)
);

create index appointment_reminder_due on appointment_reminder (sent_at, due_at);

-- The time zone the Host's browser reported in a dialog, so the expert's picker shows the customer's time too.
create table dialog_time_zone (
    dialog_id uuid primary key references dialog (id),
    zone      varchar(64) not null
);
