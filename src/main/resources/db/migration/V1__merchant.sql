-- Merchants (tenants) and their team. Runs on H2 (PostgreSQL mode) and PostgreSQL.
create table merchant (
    id                       uuid primary key,
    slug                     varchar(64)  not null unique,
    name                     varchar(120) not null,
    button_color             varchar(7)   not null,
    button_position          varchar(16)  not null,
    button_label             varchar(40)  not null,
    collect_personal_data    boolean      not null,
    personal_data_fields     varchar(64)  not null,
    privacy_policy_url       varchar(500),
    routing_fallback_seconds integer      not null,
    expert_capacity          integer      not null,
    created_at               timestamp with time zone not null
);

create table team_member (
    id             uuid primary key,
    merchant_id    uuid         not null references merchant (id),
    email          varchar(254) not null unique,
    password_hash  varchar(100) not null,
    display_name   varchar(80)  not null,
    handle         varchar(40),
    store          varchar(80),
    role           varchar(10)  not null,
    presence       varchar(10)  not null,
    presence_since timestamp with time zone not null,
    idle_since     timestamp with time zone not null,
    last_seen_at   timestamp with time zone,
    created_at     timestamp with time zone not null
);

create unique index team_member_handle on team_member (merchant_id, handle);
create index team_member_presence on team_member (merchant_id, presence);
