-- A merchant's own reply domain for the experts' proxy email addresses (without a row: vitrine.contacts.reply-domain).
-- A domain belongs to one merchant: inbound mail to it is routed among that merchant's proxies only.
create table contact_reply_domain (
    merchant_id uuid         primary key references merchant (id),
    domain      varchar(253) not null unique,
    updated_at  timestamp with time zone not null
);
