-- The provider's id of a sent message (Twilio SM…, WhatsApp wamid.…), so delivery reports update the thread.
alter table contact_message add column provider_id varchar(200);
create index contact_message_provider on contact_message (provider_id);
