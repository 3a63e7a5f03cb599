package io.vitrine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.support.Api;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads a whole transcript over HTTP the way transcript.js does: page after page by sequence. */
public final class TranscriptPages {

    private TranscriptPages() {}

    public static List<JsonNode> read(Api api, String path) {
        List<JsonNode> events = new ArrayList<>();
        long afterSeq = 0;
        for (int page = 0; page < 1000; page++) {
            var response = api.get(path + "?afterSeq=" + afterSeq + "&limit=1000");
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            response.body().path("events").forEach(events::add);
            if (!response.body().path("hasMore").asBoolean(false)) {
                return events;
            }
            afterSeq = response.body().path("nextAfterSeq").asLong();
        }
        throw new AssertionError("The transcript never ended");
    }
}
