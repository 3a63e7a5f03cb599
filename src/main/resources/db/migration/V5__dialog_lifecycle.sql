-- Dialogs that end on their own, why a dialog ended, the page a request came from, and readable routing log entries.
alter table dialog add column customers_gone_since timestamp with time zone;
alter table dialog add column end_reason varchar(16);
alter table dialog add column page_url varchar(500);

create index dialog_customers_gone on dialog (status, customers_gone_since);

-- What happens to the live dialogs of an expert whose consoles are all gone: REQUEUE or END.
alter table merchant add column abandoned_by_expert varchar(7) default 'REQUEUE' not null;

-- A code per kind of entry and the name (or number) it mentions, so the dashboard can translate it.
alter table dialog_log add column reason varchar(32);
alter table dialog_log add column subject varchar(120);
