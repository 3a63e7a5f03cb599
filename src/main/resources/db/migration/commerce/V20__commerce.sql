-- Products in the live dialog: product cards on the timeline, the Host's cart, the expert's suggestions, the
-- customers' votes on cards, and how each merchant's carts leave the dialog. Runs on H2 and PostgreSQL.

-- A product card event carries its card as JSON, and the product's id to find the cards of a product; every
-- other event leaves both empty.
alter table timeline_event add column product varchar(4000);
alter table timeline_event add column product_id uuid;

create table commerce_settings (
    merchant_id  uuid primary key references merchant (id),
    cart_handoff varchar(16)  not null,
    shop_domain  varchar(255)
);

create table cart_line (
    id          uuid primary key,
    dialog_id   uuid         not null references dialog (id),
    product_id  uuid         not null,
    variant_id  uuid,
    sku         varchar(100),
    title       varchar(300) not null,
    variant     varchar(300),
    image       varchar(1000),
    price_minor bigint       not null,
    currency    varchar(3)   not null,
    quantity    integer      not null,
    added_at    timestamp with time zone not null
);

-- One line per product and variant: adding it again raises the quantity.
create unique index cart_line_item on cart_line (dialog_id, product_id, variant_id);

create table cart_suggestion (
    id          uuid primary key,
    dialog_id   uuid        not null references dialog (id),
    product_id  uuid        not null,
    variant_id  uuid,
    quantity    integer     not null,
    status      varchar(16) not null,
    created_at  timestamp with time zone not null,
    answered_at timestamp with time zone
);

create index cart_suggestion_dialog on cart_suggestion (dialog_id, status);

-- One vote per participant per card (the card is the product event's sequence number); a new vote replaces it.
create table product_vote (
    dialog_id      uuid        not null references dialog (id),
    seq            bigint      not null,
    participant_id uuid        not null references participant (id),
    vote           varchar(16) not null,
    at             timestamp with time zone not null,
    primary key (dialog_id, seq, participant_id)
);
