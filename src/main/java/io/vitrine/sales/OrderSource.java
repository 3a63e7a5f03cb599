package io.vitrine.sales;

/** Where an order was placed: Vitrine's own checkout, the merchant's Shopify store, or our generic webhook. */
public enum OrderSource { CHECKOUT, SHOPIFY, WEBHOOK }
