package io.vitrine.commerce.internal;

import io.vitrine.catalog.CatalogApi;
import io.vitrine.catalog.Money;
import io.vitrine.catalog.Product;
import io.vitrine.catalog.Variant;
import io.vitrine.commerce.Cart;
import io.vitrine.commerce.CartHandoff;
import io.vitrine.commerce.CartLine;
import io.vitrine.commerce.CommerceApi;
import io.vitrine.commerce.CommerceSettings;
import io.vitrine.shared.Actor;
import io.vitrine.dialog.DialogApi;
import io.vitrine.dialog.DialogProductsApi;
import io.vitrine.shared.DialogRole;
import io.vitrine.dialog.DialogStatus;
import io.vitrine.dialog.Membership;
import io.vitrine.dialog.Permission;
import io.vitrine.dialog.ProductCard;
import io.vitrine.realtime.Push;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Products in a dialog. Every action checks the caller's seat against the permission matrix first; what only the
 * Host and the expert may see goes to their seats alone ({@link Push#toDialogSeats}), never to Guests.
 */
@Service
public class CommerceService implements CommerceApi {

    /** The seats that see the cart, the suggestions and the tallies (SEE_CART). */
    static final Set<DialogRole> CART_SEATS = EnumSet.of(DialogRole.HOST, DialogRole.EXPERT);

    private final DialogApi dialogs;
    private final DialogProductsApi cards;
    private final CatalogApi catalog;
    private final CartLines lines;
    private final Suggestions suggestions;
    private final Votes votes;
    private final CommerceSettingsStore settings;
    private final Push push;
    private final Clock clock;

    CommerceService(DialogApi dialogs, DialogProductsApi cards, CatalogApi catalog, CartLines lines,
            Suggestions suggestions, Votes votes, CommerceSettingsStore settings, Push push, Clock clock) {
        this.dialogs = dialogs;
        this.cards = cards;
        this.catalog = catalog;
        this.lines = lines;
        this.suggestions = suggestions;
        this.votes = votes;
        this.settings = settings;
        this.push = push;
        this.clock = clock;
    }

    @Override
    public Cart cart(UUID dialogId) {
        List<CartLine> all = lines.of(dialogId);
        Map<String, Long> totals = new LinkedHashMap<>();
        all.forEach(l -> totals.merge(l.lineTotal().currency(), l.lineTotal().amountMinor(), Math::addExact));
        return new Cart(dialogId, all, totals.entrySet().stream().map(e -> new Money(e.getValue(), e.getKey())).toList());
    }

    @Override
    public CommerceSettings settings(UUID merchantId) {
        return settings.of(merchantId);
    }

    @Override
    public int clearCart(UUID dialogId) {
        int removed = lines.clear(dialogId);
        if (removed > 0) {
            pushCart(dialogId);
        }
        return removed;
    }

    /** The expert puts a product in front of everyone: a card on the timeline. */
    void show(Actor actor, UUID dialogId, UUID productId) {
        require(dialogId, actor, Permission.SHOW_PRODUCT);
        Product product = forSale(actor, productId);
        cards.showProduct(dialogId, actor, card(product));
    }

    /** The expert suggests a product for the Host's cart; only the Host and the expert learn of it. */
    void suggest(Actor actor, UUID dialogId, UUID productId, UUID variantId, int quantity) {
        require(dialogId, actor, Permission.SUGGEST_PRODUCTS);
        requireActive(dialogId, actor);
        Product product = forSale(actor, productId);
        Variant variant = variant(product, variantId);
        var row = suggestions.add(dialogId, productId, variant == null ? null : variant.id(), quantity, Instant.now(clock));
        push.toDialogSeats(dialogId, CART_SEATS, suggestionFrame(row, product, variant));
    }

    /** The Host accepts (the line goes into the cart) or rejects a pending suggestion. */
    void answer(Actor actor, UUID dialogId, UUID suggestionId, boolean accept) {
        require(dialogId, actor, Permission.ADD_TO_CART);
        var row = suggestions.find(dialogId, suggestionId).orElseThrow(() -> DomainException.notFound("Suggestion"));
        Product product = accept ? forSale(actor, row.productId()) : product(actor, row.productId());
        Suggestions.Status status = accept ? Suggestions.Status.ACCEPTED : Suggestions.Status.REJECTED;
        if (!suggestions.answer(row.id(), status, Instant.now(clock))) {
            throw DomainException.conflict("already_answered", "This suggestion was answered already.");
        }
        Variant variant = variant(product, row.variantId());
        if (accept) {
            lines.add(dialogId, item(product, variant), row.quantity(), Instant.now(clock));
        }
        var answered = new Suggestions.Row(row.id(), dialogId, row.productId(), row.variantId(), row.quantity(), status);
        push.toDialogSeats(dialogId, CART_SEATS, suggestionFrame(answered, product, variant));
        if (accept) {
            pushCart(dialogId);
        }
    }

    /** The Host adds a product that was shown in the dialog, without a suggestion. */
    void add(Actor actor, UUID dialogId, UUID productId, UUID variantId, int quantity) {
        require(dialogId, actor, Permission.ADD_TO_CART);
        if (!cards.wasShown(dialogId, productId)) {
            throw DomainException.conflict("not_shown", "Only products shown in this dialog can be added here.");
        }
        Product product = forSale(actor, productId);
        lines.add(dialogId, item(product, variant(product, variantId)), quantity, Instant.now(clock));
        pushCart(dialogId);
    }

    /** The Host changes a line's quantity; zero removes the line. */
    void setQuantity(Actor actor, UUID dialogId, UUID lineId, int quantity) {
        require(dialogId, actor, Permission.ADD_TO_CART);
        if (!lines.setQuantity(dialogId, lineId, quantity)) {
            throw DomainException.notFound("Cart line");
        }
        pushCart(dialogId);
    }

    /** A customer votes on a card; the Host and the expert see the new tally. Returns the stored vote. */
    Votes.Vote vote(Actor actor, UUID dialogId, long seq, Votes.Vote vote) {
        Membership you = require(dialogId, actor, Permission.VOTE);
        if (cards.shownCard(dialogId, seq).isEmpty()) {
            throw DomainException.notFound("Product card");
        }
        votes.cast(dialogId, seq, UUID.fromString(you.participantId()), vote, Instant.now(clock));
        Votes.Tally tally = votes.tally(dialogId, seq);
        push.toDialogSeats(dialogId, CART_SEATS, new CommerceFrames.VotesFrame(dialogId, seq, tally.likes(), tally.notForMe()));
        return vote;
    }

    /** The cart for reading over HTTP: the Host, the expert (SEE_CART) and the merchant's admins. */
    public Cart cartFor(Actor actor, UUID dialogId) {
        Membership you = dialogs.membership(dialogId, actor);
        if (!you.permissions().contains(Permission.SEE_CART) && you.role() != DialogRole.ADMIN) {
            throw DomainException.forbidden(Permission.SEE_CART.refusal());
        }
        return cart(dialogId);
    }

    /** Saves the merchant's commerce settings; SHOPIFY needs the shop domain. */
    public CommerceSettings saveSettings(UUID merchantId, CommerceSettings chosen) {
        if (chosen.cartHandoff() == CartHandoff.SHOPIFY
                && (chosen.shopDomain() == null || chosen.shopDomain().isBlank())) {
            throw DomainException.invalidField("shopDomain", "Enter the shop's domain, like shop.myshopify.com, to hand carts to Shopify.");
        }
        settings.save(merchantId, chosen);
        return settings.of(merchantId);
    }

    /** What the caller's seat may know of the dialog's products right now. */
    CommerceFrames.ProductsFrame state(Actor actor, UUID dialogId) {
        Membership you = dialogs.membership(dialogId, actor);
        boolean seesCart = you.permissions().contains(Permission.SEE_CART);
        Map<Long, Votes.Vote> mine = you.participantId() == null || !you.permissions().contains(Permission.VOTE) ? Map.of()
                : votes.of(dialogId, UUID.fromString(you.participantId()));
        if (!seesCart) {
            return new CommerceFrames.ProductsFrame(dialogId, null, null, null, mine, null);
        }
        List<CommerceFrames.Suggestion> pending = suggestions.pending(dialogId).stream().map(row -> {
            Product product = product(actor, row.productId());
            return suggestionFrame(row, product, variant(product, row.variantId()));
        }).toList();
        return new CommerceFrames.ProductsFrame(dialogId, cart(dialogId), pending, votes.tallies(dialogId), mine,
                settings.of(actor.merchantId()).cartHandoff());
    }

    /** The Host alone takes the cart to the shop; how is the merchant's setting. */
    CommerceFrames.HandoffFrame handoff(Actor actor, UUID dialogId) {
        require(dialogId, actor, Permission.PLACE_ORDER);
        Cart cart = cart(dialogId);
        if (cart.lines().isEmpty()) {
            throw DomainException.conflict("empty_cart", "The cart is empty.");
        }
        UUID expertId = cards.expertOf(dialogId).orElse(null);
        CommerceSettings chosen = settings.of(actor.merchantId());
        return switch (chosen.cartHandoff()) {
            case SHOPIFY -> new CommerceFrames.HandoffFrame(dialogId, chosen.cartHandoff(),
                    ShopifyPermalink.of(chosen.shopDomain(), cart, line -> shopifyVariantId(actor, line), dialogId,
                            expertId), null);
            case GENERIC -> new CommerceFrames.HandoffFrame(dialogId, chosen.cartHandoff(), null, detail(cart, expertId));
            case VITRINE -> new CommerceFrames.HandoffFrame(dialogId, chosen.cartHandoff(), null, null);
        };
    }

    /** The catalog's Shopify variant id of the line's variant as it is now, or null. */
    private String shopifyVariantId(Actor actor, CartLine line) {
        if (line.variantId() == null) {
            return null;
        }
        return catalog.findById(actor.merchantId(), line.productId(), null).stream()
                .flatMap(p -> p.variants().stream()).filter(v -> v.id().equals(line.variantId()))
                .map(Variant::shopifyVariantId).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static CommerceFrames.HandoffDetail detail(Cart cart, UUID expertId) {
        return new CommerceFrames.HandoffDetail(cart.dialogId(), expertId, cart.lines().stream()
                .map(l -> new CommerceFrames.HandoffLine(l.sku(), l.productId(), l.variantId(), l.title(), l.variant(),
                        l.quantity(), l.unitPrice().amountMinor(), l.unitPrice().currency()))
                .toList());
    }

    private void pushCart(UUID dialogId) {
        push.toDialogSeats(dialogId, CART_SEATS, new CommerceFrames.CartFrame(dialogId, cart(dialogId)));
    }

    private Membership require(UUID dialogId, Actor actor, Permission permission) {
        Membership you = dialogs.membership(dialogId, actor);
        if (!you.permissions().contains(permission)) {
            throw DomainException.forbidden(permission.refusal());
        }
        return you;
    }

    private void requireActive(UUID dialogId, Actor actor) {
        DialogStatus status = dialogs.view(dialogId, actor).status();
        if (status == DialogStatus.ENDED) {
            throw DomainException.conflict("ended", "This dialog has ended.");
        }
        if (status != DialogStatus.ACTIVE) {
            throw DomainException.conflict("not_accepted", "Accept the dialog before suggesting products in it.");
        }
    }

    private Product product(Actor actor, UUID productId) {
        UUID memberId = actor instanceof Actor.Staff staff ? staff.memberId() : null;
        return catalog.findById(actor.merchantId(), productId, memberId)
                .orElseThrow(() -> DomainException.notFound("Product"));
    }

    /** A product that may still be shown or bought: one the merchant deleted stays only in what was made before. */
    private Product forSale(Actor actor, UUID productId) {
        Product product = product(actor, productId);
        if (product.archived()) {
            throw DomainException.conflict("product_archived", product.title() + " is no longer in the catalog.");
        }
        return product;
    }

    /** The chosen variant; without a choice, the first available one (a product with variants is bought as one). */
    private static Variant variant(Product product, UUID variantId) {
        if (variantId != null) {
            return product.variants().stream().filter(v -> v.id().equals(variantId)).findFirst()
                    .orElseThrow(() -> DomainException.notFound("Variant"));
        }
        return product.variants().stream().filter(Variant::available).findFirst()
                .orElse(product.variants().isEmpty() ? null : product.variants().getFirst());
    }

    static ProductCard card(Product p) {
        return new ProductCard(p.id(), p.sku(), p.title(), p.images().isEmpty() ? null : p.images().getFirst(), p.url(),
                p.price().amountMinor(), p.price().currency());
    }

    private static CartLines.Item item(Product p, Variant v) {
        return v == null ? new CartLines.Item(p.id(), null, p.sku(), p.title(), null, image(p), p.price())
                : new CartLines.Item(p.id(), v.id(), v.sku(), p.title(), describe(v), image(p), v.price());
    }

    private static String image(Product p) {
        return p.images().isEmpty() ? null : p.images().getFirst();
    }

    private static String describe(Variant v) {
        return v == null || v.options().isEmpty() ? null : String.join(" · ", v.options().values());
    }

    private static CommerceFrames.Suggestion suggestionFrame(Suggestions.Row row, Product product, Variant variant) {
        ProductCard card = card(product);
        if (variant != null) {
            card = new ProductCard(card.productId(), variant.sku(), card.title(), card.image(), card.url(),
                    variant.price().amountMinor(), variant.price().currency());
        }
        return new CommerceFrames.Suggestion(row.dialogId(), row.id(), card, row.variantId(), describe(variant),
                row.quantity(), row.status());
    }
}
