package io.vitrine.checkout.internal;

import io.vitrine.checkout.CheckoutConfirmation;
import io.vitrine.checkout.CheckoutForm;
import io.vitrine.commerce.Cart;
import io.vitrine.commerce.CartHandoff;
import io.vitrine.commerce.CommerceApi;
import io.vitrine.shared.Actor;
import io.vitrine.dialog.DialogApi;
import io.vitrine.dialog.DialogProductsApi;
import io.vitrine.dialog.Permission;
import io.vitrine.sales.Buyer;
import io.vitrine.sales.NewOrder;
import io.vitrine.sales.Order;
import io.vitrine.sales.OrderLine;
import io.vitrine.sales.SalesApi;
import io.vitrine.shared.DomainException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Host places the dialog's cart as an order; the cart is emptied in the same transaction. */
@Service
public class CheckoutService {

    private final DialogApi dialogs;
    private final DialogProductsApi dialogProducts;
    private final CommerceApi commerce;
    private final SalesApi sales;

    CheckoutService(DialogApi dialogs, DialogProductsApi dialogProducts, CommerceApi commerce, SalesApi sales) {
        this.dialogs = dialogs;
        this.dialogProducts = dialogProducts;
        this.commerce = commerce;
        this.sales = sales;
    }

    @Transactional
    public CheckoutConfirmation place(Actor actor, UUID dialogId, CheckoutForm form) {
        if (!dialogs.membership(dialogId, actor).permissions().contains(Permission.PLACE_ORDER)) {
            throw DomainException.forbidden(Permission.PLACE_ORDER.refusal());
        }
        if (commerce.settings(actor.merchantId()).cartHandoff() != CartHandoff.VITRINE) {
            throw DomainException.conflict("checkout_off", "This shop takes the cart to its own checkout.");
        }
        Cart cart = commerce.cart(dialogId);
        if (cart.lines().isEmpty()) {
            throw DomainException.conflict("empty_cart", "The cart is empty: add a product before checking out.");
        }
        if (cart.totals().size() > 1) {
            throw DomainException.conflict("mixed_currencies",
                    "The cart holds prices in several currencies; remove the lines of all but one to check out.");
        }
        List<OrderLine> lines = cart.lines().stream()
                .map(l -> new OrderLine(l.sku(), l.variant() == null ? l.title() : l.title() + " (" + l.variant() + ")",
                        l.quantity(), l.unitPrice()))
                .toList();
        UUID expertId = dialogProducts.expertOf(dialogId).orElse(null);
        Order order = sales.placeOrder(NewOrder.checkout(actor.merchantId(),
                new Buyer(form.name().strip(), form.email().strip(), form.address().strip()), lines, dialogId, expertId));
        if (commerce.clearCart(dialogId) == 0) {
            // Another checkout of the same cart won the race; rolling back keeps one order for one cart.
            throw DomainException.conflict("empty_cart", "This cart was ordered already.");
        }
        return new CheckoutConfirmation(order.id(), order.number(), order.total(), form.email().strip());
    }
}
