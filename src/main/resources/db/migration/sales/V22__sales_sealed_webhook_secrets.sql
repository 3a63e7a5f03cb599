-- Webhook secrets, encrypted (AES-256-GCM, "v1:" + base64 of nonce and sealed bytes) with the key
-- vitrine.sales.secret-key or, when none is configured, the key generated once into sales_secret_key.
-- They replace the plain-text sales_webhook_secret (V25): the server moves its rows here, sealed, at start-up.
create table sales_sealed_webhook_secret (
    merchant_id uuid         not null references merchant (id),
    kind        varchar(10)  not null,
    secret      varchar(400) not null,
    updated_at  timestamp with time zone not null,
    primary key (merchant_id, kind)
);

create table sales_secret_key (
    id          integer      primary key,
    key_value   varchar(100) not null,
    created_at  timestamp with time zone not null
);
