-- Outbound messages accepted by a provider, by the caller's idempotency key: a retried send with the same key
-- answers the stored message instead of sending again; status callbacks find the merchant by provider id.
create table channel_outbound (
    merchant_id          uuid         not null references merchant (id),
    idempotency_key      varchar(200) not null,
    channel              varchar(16)  not null,
    provider_message_id  varchar(200) not null,
    status               varchar(16)  not null,
    created_at           timestamp with time zone not null,
    primary key (merchant_id, idempotency_key)
);
create index channel_outbound_provider_id on channel_outbound (provider_message_id);

-- Webhook deliveries already accepted, per merchant, by provider and event key (message id, or message id + status):
-- a second delivery of the same event is a replay and is refused. Per merchant, so that no merchant can use up
-- another's message ids.
create table channel_webhook_receipt (
    provider     varchar(16)  not null,
    event_key    varchar(300) not null,
    merchant_id  uuid         not null references merchant (id),
    received_at  timestamp with time zone not null,
    primary key (merchant_id, provider, event_key)
);
