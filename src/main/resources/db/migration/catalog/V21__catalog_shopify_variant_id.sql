-- Shopify's own variant id, for the cart permalink (https://SHOP/cart/VARIANT:QTY). Filled by the Shopify JSON
-- import and the CSV column shopify_variant_id; variants imported before it keep the id Shopify gave their SKU.
alter table catalog_variant add column shopify_variant_id varchar(20);

update catalog_variant set shopify_variant_id = substring(sku, 9)
where sku like 'shopify-%' and length(sku) between 9 and 28;
