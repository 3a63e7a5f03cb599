-- The product catalog: products and their variants per merchant, imports run as jobs, experts' favourites.
-- Runs on H2 (PostgreSQL mode) and PostgreSQL; the PostgreSQL-only full-text index is added by V11_1 (Java).
create table catalog_product (
    id           uuid primary key,
    merchant_id  uuid          not null references merchant (id),
    -- What a re-import matches on: the merchant's own product id, or the SKU when the product has no id.
    product_key  varchar(100)  not null,
    external_id  varchar(100),
    sku          varchar(100),
    title        varchar(300)  not null,
    description  varchar(10000),
    url          varchar(1000),
    images       varchar(8000) not null,
    price_minor  bigint        not null,
    currency     varchar(3)    not null,
    available    boolean       not null,
    stock        integer,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);

-- Key and SKU lead these indexes so that an import's "key in (…500 keys…)" lookups use them on H2 too.
create unique index catalog_product_key on catalog_product (product_key, merchant_id);
create unique index catalog_product_sku on catalog_product (sku, merchant_id);
create index catalog_product_title on catalog_product (merchant_id, title, id);

create table catalog_variant (
    id          uuid primary key,
    merchant_id uuid         not null references merchant (id),
    product_id  uuid         not null references catalog_product (id) on delete cascade,
    sku         varchar(100) not null,
    options     varchar(1000) not null,
    price_minor bigint       not null,
    currency    varchar(3)   not null,
    available   boolean      not null,
    stock       integer,
    position    integer      not null
);

create unique index catalog_variant_sku on catalog_variant (sku, merchant_id);
create index catalog_variant_product on catalog_variant (product_id, position);

create table catalog_favourite (
    member_id  uuid not null references team_member (id),
    product_id uuid not null references catalog_product (id) on delete cascade,
    created_at timestamp with time zone not null,
    primary key (member_id, product_id)
);

create index catalog_favourite_product on catalog_favourite (product_id);

create table catalog_import (
    id            uuid primary key,
    merchant_id   uuid         not null references merchant (id),
    format        varchar(16)  not null,
    file_name     varchar(255),
    status        varchar(16)  not null,
    bytes_total   bigint       not null,
    bytes_read    bigint       not null,
    rows_read     integer      not null,
    rows_imported integer      not null,
    error_count   integer      not null,
    message       varchar(1000),
    created_by    uuid,
    created_at    timestamp with time zone not null,
    -- Written with every batch; a running import that stops writing for long has died with its server.
    updated_at    timestamp with time zone not null,
    finished_at   timestamp with time zone
);

create index catalog_import_merchant on catalog_import (merchant_id, created_at);

-- The first bad rows of an import (at most vitrine.catalog.max-reported-errors), with their line number.
create table catalog_import_error (
    import_id uuid          not null references catalog_import (id) on delete cascade,
    line      bigint        not null,
    reason    varchar(1000) not null
);

create index catalog_import_error_import on catalog_import_error (import_id, line);
