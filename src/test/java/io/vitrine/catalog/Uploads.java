package io.vitrine.catalog;

import io.vitrine.support.Api;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Uploads a catalog file as the dashboard does (multipart, session cookie, CSRF header) and waits for its job. */
final class Uploads {

    private Uploads() {}

    static Api.Response upload(Api staff, String fileName, byte[] content, String query) {
        String boundary = "----vitrine" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(staff.base() + "/api/v1/catalog/imports" + (query.isEmpty() ? "" : "?" + query)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .header("Cookie", staff.cookieHeader())
                .header("X-XSRF-TOKEN", csrf(staff))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode json = raw.strip().startsWith("{") ? Api.JSON.readTree(raw) : null;
            return new Api.Response(response.statusCode(), json, raw);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads, expects 202 and polls the job until it has finished; returns the finished job. */
    static JsonNode importAndWait(Api staff, String fileName, byte[] content, String query) {
        Api.Response accepted = upload(staff, fileName, content, query);
        if (accepted.status() != 202) {
            throw new AssertionError("Upload refused: " + accepted.status() + " " + accepted.raw());
        }
        return awaitFinished(staff, accepted.body().get("id").asString());
    }

    static JsonNode awaitFinished(Api staff, String jobId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = staff.get("/api/v1/catalog/imports/" + jobId).body();
            String status = job.get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return job;
            }
            pause();
        }
        throw new AssertionError("Import " + jobId + " did not finish within 60 s");
    }

    private static String csrf(Api staff) {
        return Arrays.stream(staff.cookieHeader().split("; ")).filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> URLDecoder.decode(c.substring("XSRF-TOKEN=".length()).replace("\"", ""), StandardCharsets.UTF_8))
                .findFirst().orElse("");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
