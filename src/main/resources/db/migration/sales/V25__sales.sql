-- Sales: orders (placed through Vitrine or reported by the merchant's shop), attributable shares of products,
-- the webhook secrets of each merchant and the webhook deliveries already taken (replay protection).

create table sales_order (
    id            uuid primary key,
    merchant_id   uuid          not null references merchant (id),
    number        bigint        not null,
    source        varchar(10)   not null,
    external_id   varchar(120),
    status        varchar(10)   not null,
    buyer_name    varchar(200),
    buyer_email   varchar(320),
    buyer_address varchar(1000),
    currency      varchar(3)    not null,
    total_minor   bigint        not null,
    dialog_id     uuid,
    expert_id     uuid references team_member (id),
    share_id      uuid,
    store         varchar(80),
    placed_at     timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create unique index sales_order_number on sales_order (merchant_id, number);
-- The same order reported twice by a shop stays one order.
create unique index sales_order_external on sales_order (merchant_id, source, external_id);
create index sales_order_placed on sales_order (merchant_id, placed_at);
create index sales_order_dialog on sales_order (merchant_id, dialog_id);

create table sales_order_line (
    order_id    uuid         not null references sales_order (id),
    position    integer      not null,
    sku         varchar(120),
    title       varchar(300) not null,
    quantity    integer      not null,
    unit_minor  bigint       not null,
    primary key (order_id, position)
);

create table sales_share (
    id            uuid primary key,
    merchant_id   uuid          not null references merchant (id),
    expert_id     uuid          not null references team_member (id),
    product_id    uuid          not null,
    product_title varchar(300)  not null,
    product_sku   varchar(120),
    product_url   varchar(1000) not null,
    token         varchar(64)   not null,
    visits        bigint        not null default 0,
    created_at    timestamp with time zone not null,
    last_visit_at timestamp with time zone,
    revoked_at    timestamp with time zone
);
create unique index sales_share_token on sales_share (token);
create index sales_share_expert on sales_share (merchant_id, expert_id, created_at);

-- Write-only: the API stores a secret and never returns it.
create table sales_webhook_secret (
    merchant_id uuid         not null references merchant (id),
    kind        varchar(10)  not null,
    secret      varchar(200) not null,
    updated_at  timestamp with time zone not null,
    primary key (merchant_id, kind)
);

create table sales_webhook_receipt (
    merchant_id uuid         not null references merchant (id),
    kind        varchar(10)  not null,
    delivery_id varchar(200) not null,
    received_at timestamp with time zone not null,
    primary key (merchant_id, kind, delivery_id)
);
