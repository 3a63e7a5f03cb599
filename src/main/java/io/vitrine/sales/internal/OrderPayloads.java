package io.vitrine.sales.internal;

import io.vitrine.catalog.Money;
import io.vitrine.sales.Buyer;
import io.vitrine.sales.NewOrder;
import io.vitrine.sales.OrderLine;
import io.vitrine.sales.OrderSource;
import io.vitrine.sales.OrderStatus;
import io.vitrine.shared.DomainException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the orders that shops send: Shopify's {@code orders/create} payload and the body of our generic order
 * webhook (documented in docs/sales.md). Attribution comes from Shopify's {@code note_attributes} (the cart attributes
 * {@code vitrine_dialog}, {@code vitrine_expert}, {@code vitrine_share}) or from our fields.
 */
final class OrderPayloads {

    private OrderPayloads() {}

    static NewOrder shopify(JsonMapper json, UUID merchantId, byte[] body) {
        JsonNode order = parse(json, body);
        String currency = required(order, "currency");
        Map<String, String> notes = new HashMap<>();
        order.path("note_attributes").forEach(n -> {
            String name = text(n.path("name"));
            if (name != null) {
                notes.put(name, text(n.path("value")));
            }
        });
        List<OrderLine> lines = new ArrayList<>();
        order.path("line_items").forEach(item -> lines.add(new OrderLine(blankToNull(text(item.path("sku"))),
                required(item, "title"), item.path("quantity").asInt(0), money(required(item, "price"), currency))));
        JsonNode customer = order.path("customer");
        String name = text(order.path("shipping_address").path("name"));
        if (name == null) {
            name = blankToNull(join(" ", text(customer.path("first_name")), text(customer.path("last_name"))));
        }
        String email = text(order.path("email"));
        Buyer buyer = new Buyer(name, email != null ? email : text(customer.path("email")),
                shopifyAddress(order.path("shipping_address")));
        return new NewOrder(merchantId, OrderSource.SHOPIFY, required(order, "id"), shopifyStatus(order), buyer, lines,
                uuid(notes.get("vitrine_dialog")), uuid(notes.get("vitrine_expert")), notes.get("vitrine_share"));
    }

    /** Our webhook: {@code id, status, currency, buyer {name, email, address}, lines [{sku, title, quantity, unitPrice}], dialogId, expertId, shareToken}. */
    static NewOrder vitrine(JsonMapper json, UUID merchantId, byte[] body) {
        JsonNode order = parse(json, body);
        String currency = required(order, "currency");
        List<OrderLine> lines = new ArrayList<>();
        order.path("lines").forEach(line -> lines.add(new OrderLine(blankToNull(text(line.path("sku"))),
                required(line, "title"), line.path("quantity").asInt(0), money(required(line, "unitPrice"), currency))));
        JsonNode buyer = order.path("buyer");
        OrderStatus status = OrderStatus.PLACED;
        String given = text(order.path("status"));
        if (given != null) {
            try {
                status = OrderStatus.valueOf(given.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalidField("status", "The status is one of PLACED, PAID, FULFILLED, CANCELLED, REFUNDED.");
            }
        }
        return new NewOrder(merchantId, OrderSource.WEBHOOK, required(order, "id"), status,
                new Buyer(text(buyer.path("name")), text(buyer.path("email")), text(buyer.path("address"))), lines,
                uuid(text(order.path("dialogId"))), uuid(text(order.path("expertId"))), text(order.path("shareToken")));
    }

    private static OrderStatus shopifyStatus(JsonNode order) {
        if (text(order.path("cancelled_at")) != null) {
            return OrderStatus.CANCELLED;
        }
        return switch (String.valueOf(text(order.path("financial_status")))) {
            case "paid" -> OrderStatus.PAID;
            case "refunded" -> OrderStatus.REFUNDED;
            default -> OrderStatus.PLACED;
        };
    }

    private static @Nullable String shopifyAddress(JsonNode address) {
        if (address.isMissingNode() || address.isNull()) {
            return null;
        }
        return blankToNull(join(", ", text(address.path("address1")), text(address.path("address2")),
                join(" ", text(address.path("zip")), text(address.path("city"))), text(address.path("country"))));
    }

    private static JsonNode parse(JsonMapper json, byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw DomainException.invalid("The body must be a JSON object.");
            }
            return node;
        } catch (JacksonException e) {
            throw DomainException.invalid("The body is not valid JSON.");
        }
    }

    private static Money money(String amount, String currency) {
        try {
            return Money.parse(amount, currency);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("lines", e.getMessage());
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node.path(field));
        if (value == null || value.isBlank()) {
            throw DomainException.invalidField(field, "The field " + field + " is required.");
        }
        return value;
    }

    /** A hint that is not a UUID is no hint. */
    private static @Nullable UUID uuid(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static @Nullable String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.isContainer() ? null : node.asString();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String join(String separator, @Nullable String... parts) {
        StringJoiner joiner = new StringJoiner(separator);
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joiner.add(part.strip());
            }
        }
        return joiner.toString();
    }
}
