-- Demo mode only: mail Vitrine sends to shoppers lands here (through the embedded SMTP listener), for /demo/inbox.
create table demo_mail (
    id          uuid         primary key,
    recipient   varchar(320) not null,
    sender      varchar(320) not null,
    subject     varchar(1000),
    raw         bytea        not null,
    received_at timestamp with time zone not null
);
create index demo_mail_received on demo_mail (received_at);
