package io.vitrine.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Image lists and variant options are stored as small JSON texts, which both databases keep as plain text. */
final class CatalogJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CatalogJson() {}

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static List<String> images(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() {});
    }

    static Map<String, String> options(String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    }
}
