-- A product deleted by an admin is archived, not removed: product cards, carts, orders and shares made earlier still
-- resolve it (e.g. its Shopify variant ids for a cart hand-off), while search, the picker and favourites hide it.
alter table catalog_product add column archived_at timestamp with time zone;
