-- Contacts: shoppers who keep in touch with one expert per team over email (later SMS, WhatsApp).
-- A contact's address is personal data: stored only encrypted (address_enc, AES-GCM) with a keyed hash for lookups.

create table contact_proxy (
    id          uuid         primary key,
    merchant_id uuid         not null references merchant (id),
    member_id   uuid         not null,
    channel     varchar(16)  not null,
    address     varchar(320) not null unique,
    created_at  timestamp with time zone not null,
    constraint contact_proxy_member unique (member_id, channel)
);

create table contact (
    id              uuid          primary key,
    merchant_id     uuid          not null references merchant (id),
    team            varchar(120)  not null,
    owner_id        uuid          not null,
    shopper_id      uuid,
    channel         varchar(16)   not null,
    address_enc     varchar(1000) not null,
    address_hash    varchar(64)   not null,
    screen_name     varchar(80)   not null,
    avatar_color    varchar(16)   not null,
    state           varchar(16)   not null,
    route_token     varchar(64)   not null unique,
    unread          int           not null default 0,
    created_at      timestamp with time zone not null,
    confirmed_at    timestamp with time zone,
    opted_out_at    timestamp with time zone,
    last_message_at timestamp with time zone,
    away_replied_at timestamp with time zone,
    -- A shopper (known by their address) belongs to at most one expert per team of a merchant.
    constraint contact_one_owner unique (merchant_id, team, channel, address_hash)
);
create index contact_owner on contact (owner_id, last_message_at);

create table contact_invite (
    id          uuid        primary key,
    merchant_id uuid        not null references merchant (id),
    member_id   uuid        not null,
    dialog_id   uuid,
    token_hash  varchar(64) not null unique,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);

-- Messages of a thread, both ways. Outbound rows are the outbox: stored before sending, claimed with a lease,
-- retried with backoff; a row is sent at most once (state moves off QUEUED only by its claimer).
create table contact_message (
    id              uuid          primary key,
    merchant_id     uuid          not null references merchant (id),
    contact_id      uuid          not null references contact (id),
    direction       varchar(8)    not null,
    kind            varchar(16)   not null,
    author_id       uuid,
    body            text          not null,
    original        text,
    products        text,
    state           varchar(16)   not null,
    failure         varchar(1000),
    message_id      varchar(300)  not null unique,
    in_reply_to     varchar(300),
    send_at         timestamp with time zone not null,
    attempts        int           not null default 0,
    claimed_by      varchar(80),
    claimed_until   timestamp with time zone,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);
create index contact_message_thread on contact_message (contact_id, created_at);
create index contact_message_due on contact_message (state, send_at);

create table contact_attachment (
    id           uuid         primary key,
    message_id   uuid         not null references contact_message (id),
    file_name    varchar(255) not null,
    content_type varchar(120) not null,
    content      bytea        not null
);

-- An expert's away period: contacts who write get the auto-response once per period.
create table contact_away (
    member_id   uuid          primary key,
    merchant_id uuid          not null references merchant (id),
    message     varchar(2000) not null,
    back_at     timestamp with time zone,
    since       timestamp with time zone not null
);

create table contact_reminder (
    id          uuid          primary key,
    merchant_id uuid          not null references merchant (id),
    contact_id  uuid          not null references contact (id),
    member_id   uuid          not null,
    due_at      timestamp with time zone not null,
    note        varchar(1000) not null,
    fired_at    timestamp with time zone,
    created_at  timestamp with time zone not null
);
create index contact_reminder_due on contact_reminder (fired_at, due_at);

-- The key that encrypts contact addresses when none is configured (vitrine.contacts.address-key).
create table contact_key (
    id    int          primary key,
    secret varchar(100) not null
);
