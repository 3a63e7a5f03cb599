-- Email addresses a brand announced its rooms to: one row per merchant and address, so an unsubscribe (kept by the
-- notifications module per recipient id) holds for every later announcement of that merchant.
create table room_invitee (
    id          uuid primary key,
    merchant_id uuid         not null references merchant (id),
    email       varchar(254) not null,
    created_at  timestamp with time zone not null,
    constraint room_invitee_address unique (merchant_id, email)
);

-- Who was told of which room: an address is announced a room once, however often the list is pasted again.
create table room_announcement (
    room_id    uuid not null references room (id),
    invitee_id uuid not null references room_invitee (id),
    sent_at    timestamp with time zone not null,
    primary key (room_id, invitee_id)
);
