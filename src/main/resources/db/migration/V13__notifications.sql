-- Notifications: in-app notices, a durable outbox for email and Web Push, preferences, push subscriptions.
-- A recipient is a team member (STAFF) or a shopper (SHOPPER) of one merchant.

create table notice (
    id             uuid primary key,
    merchant_id    uuid          not null references merchant (id),
    recipient_kind varchar(16)   not null,
    recipient_id   uuid          not null,
    kind           varchar(64)   not null,
    title          varchar(300)  not null,
    body           varchar(4000) not null,
    link           varchar(1000),
    created_at     timestamp with time zone not null,
    read_at        timestamp with time zone
);
create index notice_recipient on notice (recipient_id, created_at);

-- One row per message to deliver; written in the caller's transaction, sent by the outbox worker.
create table notification_outbox (
    id              uuid primary key,
    merchant_id     uuid          not null references merchant (id),
    notice_id       uuid          references notice (id),
    recipient_kind  varchar(16)   not null,
    recipient_id    uuid          not null,
    channel         varchar(16)   not null,
    payload         text          not null,
    status          varchar(16)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(1000),
    claimed_by      varchar(64),
    claimed_until   timestamp with time zone,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);
create index notification_outbox_due on notification_outbox (status, next_attempt_at);
create index notification_outbox_merchant on notification_outbox (merchant_id, status, created_at);

create table notification_preference (
    recipient_id   uuid        primary key,
    merchant_id    uuid        not null references merchant (id),
    recipient_kind varchar(16) not null,
    email_enabled  boolean     not null,
    push_enabled   boolean     not null,
    updated_at     timestamp with time zone not null
);

-- Unsubscribe links: every email carries a fresh random token; only its SHA-256 is kept.
create table notification_unsubscribe (
    token_hash     varchar(64) primary key,
    merchant_id    uuid        not null references merchant (id),
    recipient_kind varchar(16) not null,
    recipient_id   uuid        not null,
    created_at     timestamp with time zone not null
);

create table push_subscription (
    id             uuid primary key,
    merchant_id    uuid          not null references merchant (id),
    recipient_kind varchar(16)   not null,
    recipient_id   uuid          not null,
    endpoint       varchar(2000) not null unique,
    p256dh         varchar(200)  not null,
    auth           varchar(100)  not null,
    created_at     timestamp with time zone not null
);
create index push_subscription_recipient on push_subscription (recipient_id);

-- The VAPID key pair (RFC 8292) when none is configured: made once, on first use, shared by all nodes.
create table vapid_key (
    id          integer      primary key,
    public_key  varchar(200) not null,
    private_key varchar(200) not null,
    created_at  timestamp with time zone not null
);
