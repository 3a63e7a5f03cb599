-- The contact's latest inbound message (In-Reply-To of every message queued, the WhatsApp window) by an index seek,
-- instead of walking the whole thread back through contact_message_thread.
create index contact_message_direction on contact_message (contact_id, direction, created_at);
