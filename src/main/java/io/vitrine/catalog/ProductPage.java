package io.vitrine.catalog;

import java.util.List;

/** One page of search results; the asking expert's favourites come first. */
public record ProductPage(List<Product> items, int page, int size, boolean hasNext) {}
