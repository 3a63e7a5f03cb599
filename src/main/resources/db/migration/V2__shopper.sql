-- Shoppers hold an opaque random token; only its SHA-256 hash is stored.
create table shopper (
    id          uuid primary key,
    merchant_id uuid         not null references merchant (id),
    token_hash  varchar(64)  not null unique,
    screen_name varchar(40)  not null,
    full_name   varchar(120),
    email       varchar(254),
    phone       varchar(32),
    consent_at  timestamp with time zone,
    created_at  timestamp with time zone not null
);
