package io.vitrine.dialog;

import static io.vitrine.support.Socket.event;
import static io.vitrine.support.Socket.type;

import io.vitrine.catalog.CatalogApi;
import io.vitrine.catalog.ImportFormat;
import io.vitrine.support.Api;
import io.vitrine.support.Frames;
import io.vitrine.support.IntegrationTest;
import io.vitrine.support.LiveStream;
import io.vitrine.support.Socket;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The product cells of the permission matrix, tried with the real socket frames of docs/commerce.md. */
final class ProductSeats {

    private static final String CATALOG = """
            id,sku,title,description,url,image_urls,price,currency,available,stock,variant_sku,options
            mug,MUG,Enamel Mug,Camp mug,https://shop.example/mug,,12.50,EUR,true,9,,
            """;

    private final Api expert;
    private final UUID productId;

    ProductSeats(CatalogApi catalog, IntegrationTest.Shop shop, Api expert) {
        this.expert = expert;
        catalog.importNow(shop.merchant().id(), new ByteArrayInputStream(CATALOG.getBytes(StandardCharsets.UTF_8)),
                ImportFormat.CSV, "mug.csv");
        this.productId = catalog.findBySku(shop.merchant().id(), "MUG", null).orElseThrow().id();
    }

    boolean attempt(LiveStream live, Api who, Permission permission) {
        try (Socket socket = live.socket(who)) {
            return switch (permission) {
                case SHOW_PRODUCT -> answer(socket, frame(live, "showProduct", "productId", productId), event("PRODUCT"));
                case SEE_CART -> {
                    socket.send(frame(live, "products"));
                    yield !socket.await(type("products")).path("cart").isNull();
                }
                case ADD_TO_CART -> {
                    show(live);
                    yield answer(socket, frame(live, "cartAdd", "productId", productId, "quantity", 1), type("cart"));
                }
                case SUGGEST_PRODUCTS -> answer(socket, frame(live, "suggestProduct", "productId", productId,
                        "quantity", 1), type("suggestion"));
                case VOTE -> answer(socket, frame(live, "vote", "seq", show(live), "vote", "LIKE"), type("voted"));
                case PLACE_ORDER -> {
                    show(live);
                    try (Socket host = live.socket(live.host)) {
                        host.send(frame(live, "cartAdd", "productId", productId, "quantity", 1));
                        host.await(type("cart"));
                    }
                    yield answer(socket, frame(live, "handoff"), type("handoff"));
                }
                default -> throw new IllegalStateException("No product attempt for " + permission);
            };
        }
    }

    /** The expert shows the product; returns the card's sequence. */
    private long show(LiveStream live) {
        try (Socket socket = live.socket(expert)) {
            socket.send(frame(live, "showProduct", "productId", productId));
            return socket.await(event("PRODUCT")).path("seq").asLong();
        }
    }

    private static boolean answer(Socket socket, Map<String, Object> frame, java.util.function.Predicate<JsonNode> success) {
        socket.send(frame);
        return !type("error").test(socket.await(f -> success.test(f) || type("error").test(f)));
    }

    private static Map<String, Object> frame(LiveStream live, String type, Object... pairs) {
        return Frames.frame(live.id, type, pairs);
    }
}
