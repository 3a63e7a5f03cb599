package io.vitrine.catalog;

/** Catalog create, replace and delete on the embedded H2 database. */
class H2CatalogCrudIntegrationTest extends CatalogCrudContract {}
