-- Requests from a merchant's public request page: appointment requests, email inquiries, video chat requests.

-- Per merchant: whether the request page is on, whose login email receives the requests (the brand's account),
-- and the brand's time zone the requested times are also shown in.
create table inquiry_setting (
    merchant_id        uuid primary key references merchant (id),
    enabled            boolean     not null,
    account_member_id  uuid references team_member (id),
    zone               varchar(64) not null
);

create table inquiry (
    id               uuid primary key,
    merchant_id      uuid         not null references merchant (id),
    kind             varchar(12)  not null,
    status           varchar(12)  not null,
    name             varchar(80)  not null,
    email            varchar(254) not null,
    phone            varchar(40),
    company          varchar(120),
    message          varchar(1000),
    requested_start  timestamp with time zone,
    zone             varchar(64)  not null,
    shopper_id       uuid references shopper (id),
    appointment_id   uuid,
    confirmed_start  timestamp with time zone,
    decided_by       uuid references team_member (id),
    decided_at       timestamp with time zone,
    created_at       timestamp with time zone not null
);

create index inquiry_by_merchant on inquiry (merchant_id, created_at);
