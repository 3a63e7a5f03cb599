-- Demo mode only: what the demo Twilio and Meta providers inside Vitrine received from the adapters (TO_SHOPPER)
-- and what the shopper's demo phone sent (FROM_SHOPPER), per shopper number.
create table channel_demo_message (
    id                   uuid          primary key,
    merchant_id          uuid          not null references merchant (id),
    channel              varchar(16)   not null,
    direction            varchar(16)   not null,
    business_number      varchar(20)   not null,
    shopper_number       varchar(20)   not null,
    body                 varchar(4000),
    media_url            varchar(2000),
    link_url             varchar(2000),
    template_name        varchar(200),
    buttons              varchar(1000),
    provider_message_id  varchar(200)  not null,
    status               varchar(16)   not null,
    created_at           timestamp with time zone not null
);
create index channel_demo_message_shopper on channel_demo_message (shopper_number, created_at);
