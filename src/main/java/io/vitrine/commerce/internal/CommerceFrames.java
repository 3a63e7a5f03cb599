package io.vitrine.commerce.internal;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.vitrine.commerce.Cart;
import io.vitrine.commerce.CartHandoff;
import io.vitrine.dialog.ProductCard;
import io.vitrine.realtime.ClientFrame;
import io.vitrine.realtime.protocol.ServerMessage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The frames of products in the dialog; see docs/protocol.md. */
final class CommerceFrames {

    private CommerceFrames() {}

    // Client → server

    record ShowProduct(@NotNull UUID dialogId, @NotNull UUID productId) implements ClientFrame {}

    record SuggestProduct(@NotNull UUID dialogId, @NotNull UUID productId, UUID variantId,
            @NotNull @Min(1) @Max(CartLines.MAX_QUANTITY) Integer quantity) implements ClientFrame {}

    record AnswerSuggestion(@NotNull UUID dialogId, @NotNull UUID suggestionId, @NotNull Boolean accept)
            implements ClientFrame {}

    record CartAdd(@NotNull UUID dialogId, @NotNull UUID productId, UUID variantId,
            @NotNull @Min(1) @Max(CartLines.MAX_QUANTITY) Integer quantity) implements ClientFrame {}

    record CartQuantity(@NotNull UUID dialogId, @NotNull UUID lineId,
            @NotNull @Min(0) @Max(CartLines.MAX_QUANTITY) Integer quantity) implements ClientFrame {}

    record Vote(@NotNull UUID dialogId, @NotNull @Positive Long seq, @NotNull Votes.Vote vote) implements ClientFrame {}

    record Products(@NotNull UUID dialogId) implements ClientFrame {}

    record Handoff(@NotNull UUID dialogId) implements ClientFrame {}

    // Server → client

    /** A suggestion and its state: to the Host and the expert only. */
    @JsonTypeName("suggestion")
    record Suggestion(UUID dialogId, UUID id, ProductCard product, UUID variantId, String variant, int quantity,
            Suggestions.Status status) implements ServerMessage {}

    /** The cart as it is now: to the Host and the expert only. */
    @JsonTypeName("cart")
    record CartFrame(UUID dialogId, Cart cart) implements ServerMessage {}

    /** The votes on one card: to the Host and the expert only. */
    @JsonTypeName("votes")
    record VotesFrame(UUID dialogId, long seq, int likes, int notForMe) implements ServerMessage {}

    /** The caller's own vote on a card, as the server stored it. */
    @JsonTypeName("voted")
    record Voted(UUID dialogId, long seq, Votes.Vote vote) implements ServerMessage {}

    /**
     * What the caller may know of the dialog's products after (re)subscribing: the cart, pending suggestions and
     * tallies for the Host and the expert; their own votes for customers. What the seat may not see is null.
     */
    @JsonTypeName("products")
    record ProductsFrame(UUID dialogId, Cart cart, List<Suggestion> suggestions, List<Votes.Tally> tallies,
            Map<Long, Votes.Vote> yourVotes, CartHandoff handoff) implements ServerMessage {}

    /**
     * How the Host's page takes the cart: SHOPIFY opens {@code url}; GENERIC raises {@code vitrine:cart} with
     * {@code detail}; VITRINE goes on to the checkout.
     */
    @JsonTypeName("handoff")
    record HandoffFrame(UUID dialogId, CartHandoff mode, String url, HandoffDetail detail) implements ServerMessage {}

    /** The {@code detail} of the {@code vitrine:cart} DOM event (docs/commerce.md). */
    record HandoffDetail(UUID dialogId, UUID expertId, List<HandoffLine> lines) {}

    record HandoffLine(String sku, UUID productId, UUID variantId, String title, String variant, int quantity,
            long unitPriceMinor, String currency) {}
}
