package io.vitrine.sales;

import io.vitrine.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signed webhook deliveries as a shop sends them, with the raw body untouched. */
final class SalesFixtures {

    static final String CSV_HEADER = "id,sku,title,description,url,image_urls,price,currency,available,stock,variant_sku,options\n";

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SalesFixtures() {}

    static void setSecret(Api admin, String kind, String secret) {
        var response = admin.put("/api/v1/sales/webhook-secrets/" + kind, Map.of("secret", secret));
        if (response.status() != 204) {
            throw new IllegalStateException("Setting the secret failed: " + response.raw());
        }
    }

    static String hmacHex(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String shopifyHmac(String secret, String body) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hmacHex(secret, body)));
    }

    static String vitrineSignature(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
    }

    /** Posts a raw body with the given headers (name, value, name, value…); blank values are left out. */
    static Api.Response post(int port, String path, String body, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null && !headers[i + 1].isBlank()) {
                builder.header(headers[i], headers[i + 1]);
            }
        }
        return send(builder.build());
    }

    static HttpResponse<byte[]> getBytes(String url, String cookies) {
        try {
            var builder = HttpRequest.newBuilder(URI.create(url)).GET();
            if (cookies != null && !cookies.isBlank()) {
                builder.header("Cookie", cookies);
            }
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Api.Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            return new Api.Response(response.statusCode(),
                    raw.strip().startsWith("{") || raw.strip().startsWith("[") ? Api.JSON.readTree(raw) : null, raw);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String shopifyOrder(long id, String currency, String price, String... noteAttributes) {
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < noteAttributes.length; i += 2) {
            notes.append(notes.isEmpty() ? "" : ",").append("{\"name\":\"").append(noteAttributes[i])
                    .append("\",\"value\":\"").append(noteAttributes[i + 1]).append("\"}");
        }
        return """
                {"id":%d,"name":"#%d","email":"jon@buyer.example","currency":"%s","financial_status":"paid",
                 "cancelled_at":null,"note_attributes":[%s],
                 "line_items":[{"id":1,"sku":"TEE-M","title":"Organic tee","quantity":2,"price":"%s"}],
                 "customer":{"first_name":"Jon","last_name":"Buyer","email":"jon@buyer.example"},
                 "shipping_address":{"name":"Jon Buyer","address1":"12 Secret Lane","city":"Lyon","zip":"69001","country":"France"}}"""
                .formatted(id, id, currency, notes, price);
    }
}
