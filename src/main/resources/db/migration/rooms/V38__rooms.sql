-- Brand rooms: a pre-scheduled presentation with a shareable link, open from five minutes before its start until
-- its expiry; its live part is a dialog of the dialog module, made when the room first opens.
create table room (
    id            uuid primary key,
    merchant_id   uuid         not null references merchant (id),
    expert_id     uuid         not null references team_member (id),
    title         varchar(120) not null,
    starts_at     timestamp with time zone not null,
    zone          varchar(64)  not null,
    expiry_hours  integer      not null,
    video         boolean      not null,
    capacity      integer      not null,
    -- The link's secret (256 random bits, base64url): the room's staff copy it again from the console.
    token         varchar(64)  not null unique,
    dialog_id     uuid references dialog (id),
    created_by    uuid         not null references team_member (id),
    created_at    timestamp with time zone not null
);

create index room_merchant on room (merchant_id, starts_at);
create index room_expert on room (expert_id, starts_at);
