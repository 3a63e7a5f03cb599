package io.vitrine.demo;

import io.vitrine.shared.DemoOnly;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** "Place order" on the demo shop's cart page; refusals are problem details like every JSON endpoint's. */
@RestController
@DemoOnly
class DemoCartController {

    private final DemoShopOrders orders;

    DemoCartController(DemoShopOrders orders) {
        this.orders = orders;
    }

    /**
     * The shop prices the lines itself and reports the order to Vitrine through the signed generic order webhook,
     * as any shop would (docs/commerce.md).
     */
    @PostMapping(value = "/demo/cart/order", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DemoShopOrders.Placed order(@RequestBody DemoShopOrders.Checkout checkout) {
        return orders.place(checkout);
    }
}
