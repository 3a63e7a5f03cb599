-- A message the expert sent as the approved WhatsApp re-engagement template (outside the 24-hour window).
alter table contact_message add column template boolean not null default false;
