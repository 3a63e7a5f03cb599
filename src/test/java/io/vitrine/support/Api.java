package io.vitrine.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running server: a staff browser (cookies + CSRF) or a shopper (bearer token). */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public record Response(int status, JsonNode body, String raw) {}

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String bearer;

    private Api(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static Api anonymous(int port) {
        return new Api("http://localhost:" + port);
    }

    /** Logs a team member in through the real login form. */
    public static Api staff(int port, String email, String password) {
        Api api = anonymous(port);
        api.get("/login");
        String form = Map.of("username", email, "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(api.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", api.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = api.send(request);
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login of " + email + " failed: " + response.statusCode() + " " + location);
        }
        api.get("/console");
        return api;
    }

    /** Creates a shopper of the merchant and keeps its token. */
    public static Api shopper(int port, String merchant, String screenName) {
        Api api = anonymous(port);
        Response created = api.post("/api/v1/widget/" + merchant + "/shoppers", Map.of("screenName", screenName, "consent", true));
        if (created.status() != 201) {
            throw new IllegalStateException("Creating a shopper failed: " + created.raw());
        }
        api.bearer = created.body().get("token").asString();
        return api;
    }

    /** A shopper client holding a token created elsewhere. */
    public static Api withToken(int port, String token) {
        Api api = anonymous(port);
        api.bearer = token;
        return api;
    }

    public String token() {
        return bearer;
    }

    public String base() {
        return base;
    }

    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString).collect(Collectors.joining("; "));
    }

    public Response get(String path) {
        return exchange("GET", path, null);
    }

    public Response post(String path, Object body) {
        return exchange("POST", path, body);
    }

    public Response put(String path, Object body) {
        return exchange("PUT", path, body);
    }

    public Response patch(String path, Object body) {
        return exchange("PATCH", path, body);
    }

    /** Sends a raw body, for malformed JSON. */
    public Response postRaw(String path, String rawBody) {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(rawBody));
    }

    public Response exchange(String method, String path, Object body) {
        return send(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private Response send(String method, String path, HttpRequest.BodyPublisher publisher) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).method(method, publisher)
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        String csrf = csrf();
        if (!csrf.isEmpty()) {
            builder.header("X-XSRF-TOKEN", csrf);
        }
        HttpResponse<String> response = send(builder.build());
        JsonNode json = null;
        String raw = response.body() == null ? "" : response.body();
        if (raw.strip().startsWith("{") || raw.strip().startsWith("[")) {
            json = JSON.readTree(raw);
        }
        return new Response(response.statusCode(), json, raw);
    }

    private String csrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
