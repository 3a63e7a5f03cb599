-- Each merchant's provider accounts and proxy numbers. Credentials are AES-GCM ciphertexts ("v1:" + base64 of
-- nonce and sealed bytes); the key lives in configuration (vitrine.channels.secret-key) or, when none is configured,
-- in channel_secret_key.

create table channel_twilio_account (
    merchant_id     uuid          primary key references merchant (id),
    account_sid     varchar(64)   not null,
    auth_token_enc  varchar(1000) not null,
    updated_at      timestamp with time zone not null
);

create table channel_whatsapp_account (
    merchant_id       uuid          primary key references merchant (id),
    access_token_enc  varchar(4000),
    app_secret_enc    varchar(1000),
    verify_token_enc  varchar(1000),
    updated_at        timestamp with time zone not null
);

-- A proxy number belongs to one merchant (a provider number is owned by one account). provider_ref is the
-- WhatsApp phone-number ID of the Cloud API; null for Twilio numbers.
create table channel_number (
    channel       varchar(16)  not null,
    number        varchar(20)  not null,
    merchant_id   uuid         not null references merchant (id),
    provider_ref  varchar(64),
    created_at    timestamp with time zone not null,
    primary key (channel, number)
);
create index channel_number_merchant on channel_number (merchant_id, channel);
create unique index channel_number_provider_ref on channel_number (channel, provider_ref);

-- The generated key for credentials when vitrine.channels.secret-key is not configured (demo, first start).
create table channel_secret_key (
    id          integer      primary key,
    key_value   varchar(100) not null,
    created_at  timestamp with time zone not null
);
