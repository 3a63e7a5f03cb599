/**
 * Products in the live dialog: the expert shows product cards and suggests them into the Host's cart, customers
 * vote on cards, and the Host hands the cart to the merchant's shop (Shopify cart permalink, a DOM event for any
 * shop, or Vitrine's own checkout later). Frames are handlers of the realtime gateway.
 */
@ApplicationModule(displayName = "Commerce", allowedDependencies = {"catalog", "dialog", "merchant", "shopper", "realtime",
        "realtime :: protocol", "shared"})
package io.vitrine.commerce;

import org.springframework.modulith.ApplicationModule;
