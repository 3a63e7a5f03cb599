-- Live video and co-op shopping: media mode, invite links, the co-op setting and problem reports.
alter table merchant add column coop_shopping boolean default true not null;

alter table dialog add column media_mode varchar(5) default 'VIDEO' not null;

-- One live link per dialog at most; only a hash of its token is kept.
create table dialog_invite (
    id         uuid primary key,
    dialog_id  uuid        not null references dialog (id),
    token_hash varchar(64) not null unique,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    revoked_at timestamp with time zone
);

create index dialog_invite_dialog on dialog_invite (dialog_id, revoked_at);

create table problem_report (
    id             uuid primary key,
    merchant_id    uuid          not null references merchant (id),
    dialog_id      uuid          not null references dialog (id),
    participant_id uuid          not null references participant (id),
    reported_at    timestamp with time zone not null,
    body           varchar(2000) not null,
    context        varchar(4000) not null
);

create index problem_report_merchant on problem_report (merchant_id, reported_at);
